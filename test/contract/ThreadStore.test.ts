import { storeBackends } from './storeBackends.ts'
import { describeThreadStoreContract } from './ThreadStoreContract.ts'

for (const backend of storeBackends) {
  describeThreadStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.threads, destroy }
  })
}
