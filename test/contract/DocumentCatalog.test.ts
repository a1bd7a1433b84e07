import { describeDocumentCatalogContract } from './DocumentCatalogContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeDocumentCatalogContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.catalog, destroy }
  })
}
