import { describeClauseEventStoreContract } from './ClauseEventStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeClauseEventStoreContract(backend.name, async () => {
    const { stores, destroy, execute } = await backend.open()
    return { store: stores.clauseEvents, destroy, execute }
  })
}
