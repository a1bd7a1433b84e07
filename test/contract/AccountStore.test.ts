import { describeAccountStoreContract } from './AccountStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeAccountStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.accounts, destroy }
  })
}
