import { z } from 'zod'
import { requestFields } from './requestFields.ts'

/** Bodies of the document catalog routes. */
export const documentRequests = {
  /**
   * POST /api/documents. The server chooses the name: a client-chosen one could probe for documents it
   * cannot see ("409 exists" would reveal another delegation's private document).
   */
  create: z.object({
    title: requestFields.text(200),
    visibility: z.enum(['everyone', 'delegation']),
  }),
  /**
   * GET /api/documents/:name/state: the document's Yjs state as one update (`application/octet-stream`,
   * compressed as the client accepts). With `sv` (a Yjs state vector, base64url), only what that state lacks.
   */
  stateQuery: z.object({
    sv: z
      .string()
      .max(65_536)
      .regex(/^[A-Za-z0-9_-]*$/)
      .optional(),
  }),
}

export type CreateDocumentRequest = z.input<typeof documentRequests.create>
