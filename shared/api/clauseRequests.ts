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
  /** PUT /api/documents/:name/deadline — co-chairs set (or clear) the date the text is due. */
  deadline: z.object({
    deadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .refine((date) => {
        // Date.parse rolls 2027-02-30 over to March; a real date reads back the same.
        const parsed = new Date(`${date}T00:00:00Z`)
        return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
      }, 'must be a real date')
      .nullable(),
  }),
}

export type ClauseRequests = { [K in keyof typeof clauseRequests]: z.infer<(typeof clauseRequests)[K]> }
