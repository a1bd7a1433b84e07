import { describeAuthorshipStoreContract } from './AuthorshipStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeAuthorshipStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.authorship, destroy }
  })
}
