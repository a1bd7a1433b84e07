import { describeBracketRegisterStoreContract } from './BracketRegisterStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeBracketRegisterStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.brackets, destroy }
  })
}
