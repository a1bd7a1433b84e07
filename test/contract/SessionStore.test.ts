import { describeSessionStoreContract } from './SessionStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeSessionStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.sessions, accounts: stores.accounts, destroy }
  })
}
