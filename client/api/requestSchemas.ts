// First import: zod must be configured before any schema below is built.
import '../configureZod.ts'

/**
 * The request schemas of `shared/api`, for the client. Import them from here (statically in lazily loaded screens,
 * through `loadRequestSchemas` on the editor's path), never from `shared/api` directly: this module configures
 * zod first, and keeping zod (~23 KB compressed) out of the editor's initial script is what keeps that script
 * under its budget (`test/integration/staticAssets.test.ts`).
 */
export { clauseRequests } from '../../shared/api/clauseRequests.ts'
export {
  adminRequests,
  authRequests,
  bracketRequests,
  snapshotRequests,
  suggestionRequests,
  threadRequests,
} from '../../shared/api/index.ts'
