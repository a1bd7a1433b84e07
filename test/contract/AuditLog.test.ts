import { describeAuditLogContract } from './AuditLogContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeAuditLogContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.audit, destroy }
  })
}
