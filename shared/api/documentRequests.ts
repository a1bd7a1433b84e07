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
}

export type CreateDocumentRequest = z.input<typeof documentRequests.create>
