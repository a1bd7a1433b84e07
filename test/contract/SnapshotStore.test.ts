import { describeSnapshotStoreContract } from './SnapshotStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeSnapshotStoreContract(backend.name, async () => {
    const { stores, destroy, execute } = await backend.open()
    return { store: stores.snapshots, meetings: stores.meetings, destroy, execute }
  })
}
