import { z } from 'zod'

/** Bracket and alternative ids are client-made UUIDs; this bounds them and refuses junk. */
export const bracketIdPattern = /^[A-Za-z0-9_-]{1,100}$/

const alternativeId = z.string().regex(bracketIdPattern)

/** Bodies of the bracket routes (`/api/documents/:name/brackets/:id/...`). */
export const bracketRequests = {
  /** POST …/cleaning: a co-chair asks to clean the bracket, keeping `choice` (an alternative's id) or none. */
  requestCleaning: z.object({ choice: alternativeId.nullable() }),
  /** POST …/threads: links a comment thread of the same document to the bracket. */
  linkThread: z.object({ threadId: z.number().int().positive() }),
}

export type RequestCleaningRequest = z.input<typeof bracketRequests.requestCleaning>
export type LinkThreadRequest = z.input<typeof bracketRequests.linkThread>
