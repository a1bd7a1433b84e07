import { z } from 'zod'

const suggestionId = z.string().uuid()

/** Bodies of the suggestion routes (`/api/documents/:name/suggestions/...`). */
export const suggestionRequests = {
  /**
   * POST …/suggestions/decisions: accept or reject suggestions, chosen by id (one, or a selection), or all of one
   * delegation, or all in one article (`clauseId`); the filters combine.
   */
  decide: z
    .object({
      decision: z.enum(['accepted', 'rejected']),
      ids: z.array(suggestionId).min(1).max(500).optional(),
      delegation: z.enum(['AZ', 'US']).optional(),
      clauseId: z.string().min(1).max(100).optional(),
    })
    .refine(
      (body) => body.ids !== undefined || body.delegation !== undefined || body.clauseId !== undefined,
      {
        message: 'Choose suggestions by id, delegation or article',
      },
    ),
  /** PUT …/suggestion-policy: the document's tracked-changes settings (co-chairs). */
  policy: z.object({
    required: z.boolean(),
    reviewersSuggest: z.boolean(),
    twoKeys: z.boolean().default(false),
  }),
}

export type DecideSuggestionsRequest = z.input<typeof suggestionRequests.decide>
export type SuggestionPolicyRequest = z.input<typeof suggestionRequests.policy>
