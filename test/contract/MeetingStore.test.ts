import { describeMeetingStoreContract } from './MeetingStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeMeetingStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.meetings, destroy }
  })
}
