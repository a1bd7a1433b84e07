import { charterDocumentName } from '../../shared/protocol/index.ts'
import { charterTitle } from '../../shared/schema/index.ts'
import type { DocumentCatalog } from './DocumentCatalog.ts'

/** The charter draft exists in every installation and is open to every signed-in account (role-capped). */
export async function ensureStandardDocuments(catalog: DocumentCatalog): Promise<void> {
  await catalog.ensure({
    name: charterDocumentName,
    title: charterTitle,
    position: 0,
    access: [{ subject: { kind: 'everyone' }, maxRole: 'co-chair' }],
  })
}
