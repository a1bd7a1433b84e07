import { EditorContent } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import { canEditText } from '../shared/roles/index.ts'
import { charterTitle } from '../shared/schema/index.ts'
import type { Identity } from './auth/Identity.ts'
import type { CaretUser } from './editor/createCaret.ts'
import { Toolbar } from './editor/Toolbar.tsx'
import { useCharterEditor } from './editor/useCharterEditor.ts'
import { SectionNavigator } from './navigator/SectionNavigator.tsx'
import { colorFor, delegationLabels } from './presence/delegationColors.ts'
import { PresenceList } from './presence/PresenceList.tsx'
import { type CollabSession, createCollabSession } from './sync/createCollabSession.ts'
import { SyncIndicator } from './sync/SyncIndicator.tsx'

interface DocumentViewProps {
  documentName: string
  identity: Identity
  onLeave: () => void
}

/** The drafting room for one document: top bar, section navigator, toolbar and the page. */
export function DocumentView({ documentName, identity, onLeave }: DocumentViewProps) {
  const [session, setSession] = useState<CollabSession | null>(null)
  useEffect(() => {
    const created = createCollabSession(documentName)
    setSession(created)
    return () => created.destroy()
  }, [documentName])

  if (!session) return <div className="loading">Opening the draft…</div>
  return <Workspace session={session} identity={identity} onLeave={onLeave} />
}

function Workspace({
  session,
  identity,
  onLeave,
}: {
  session: CollabSession
  identity: Identity
  onLeave: () => void
}) {
  const user = useMemo<CaretUser>(
    () => ({
      name: identity.name,
      delegation: identity.delegation,
      color: colorFor(identity.delegation, identity.name),
    }),
    [identity.name, identity.delegation],
  )
  const editable = canEditText(identity.role)
  const editor = useCharterEditor(session, user, editable)

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            CD
          </span>
          <span className="brand-name">Charter Desk</span>
        </div>
        <div className="doc-title" title={charterTitle}>
          <span className="doc-status">Draft</span>
          <span className="doc-name">Charter on Strategic Partnership</span>
        </div>
        <div className="topbar-right">
          <SyncIndicator tracker={session.syncStatus} />
          <PresenceList awareness={session.provider.awareness} />
          <div className="user-chip" title={`${identity.name}, ${delegationLabels[identity.delegation]}`}>
            <span className="user-name">{identity.name}</span>
            <span className="user-meta">
              {identity.delegation} · {identity.role}
            </span>
          </div>
          <button type="button" className="quiet" onClick={onLeave}>
            Leave
          </button>
        </div>
      </header>
      <div className="workspace">
        {editor && <SectionNavigator editor={editor} />}
        <main className="document-area">
          {editor && editable && <Toolbar editor={editor} />}
          {!editable && (
            <p className="read-only-banner" role="status">
              You can read this draft but not edit it.
            </p>
          )}
          <article className="page">
            <EditorContent editor={editor} />
          </article>
        </main>
      </div>
    </div>
  )
}
