import { z } from 'zod'
import { commentLimits } from '../comments/index.ts'
import { areaIds } from '../schema/index.ts'

// The service still cleans the text (control characters, emptiness after trimming); this bounds its size.
const commentText = z.string().max(commentLimits.maxTextLength * 2)
const anchorPosition = z.string().min(1).max(commentLimits.maxAnchorLength)

/** Bodies of the comment thread routes. */
export const threadRequests = {
  /** POST /api/documents/:name/threads: a thread on a priority area, or on a range of text. */
  create: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('area'), area: z.enum([...areaIds, 'general']), text: commentText }),
    z.object({
      kind: z.literal('inline'),
      anchor: z.object({ start: anchorPosition, end: anchorPosition }),
      quote: z.string().optional(),
      text: commentText,
    }),
  ]),
  /** POST /api/documents/:name/threads/:id/comments */
  reply: z.object({ text: commentText }),
  /** PATCH /api/documents/:name/comments/:id */
  edit: z.object({ text: commentText }),
}

export type CreateThreadRequest = z.input<typeof threadRequests.create>
export type ReplyRequest = z.input<typeof threadRequests.reply>
export type EditCommentRequest = z.input<typeof threadRequests.edit>
