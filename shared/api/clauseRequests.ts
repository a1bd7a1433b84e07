import { z } from 'zod'
import { requestFields } from './requestFields.ts'

/** Bodies of the clause status routes. */
export const clauseRequests = {
  /** POST /api/documents/:name/clauses/:clauseId/status — a co-chair's key for one move. */
  move: z.object({
    to: z.enum(['agreedAdRef', 'agreed', 'initialled', 'reopened']),
    /** Required to reopen agreed text; optional otherwise. */
    reason: requestFields.optionalText(2000).transform((reason) => reason ?? ''),
    /** The named snapshot an initialling binds the article's text to. */
    snapshotId: z.number().int().positive().optional(),
  }),
}

export type ClauseRequests = { [K in keyof typeof clauseRequests]: z.infer<(typeof clauseRequests)[K]> }
