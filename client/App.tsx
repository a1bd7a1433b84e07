import { charterDocumentName } from '../shared/protocol/index.ts'
import { IdentityPicker } from './auth/IdentityPicker.tsx'
import { useLocalIdentity } from './auth/useLocalIdentity.ts'
import { DocumentView } from './DocumentView.tsx'

export function App() {
  const [identity, setIdentity] = useLocalIdentity()
  if (!identity) return <IdentityPicker onChoose={setIdentity} />
  return (
    <DocumentView documentName={charterDocumentName} identity={identity} onLeave={() => setIdentity(null)} />
  )
}
