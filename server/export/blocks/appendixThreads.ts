import { findPriorityArea, isAreaId } from '../../../shared/schema/index.ts'
import type { ExportThread } from './ExportInput.ts'
import { formatExportDate } from './formatExportDate.ts'
import { sanitizeText } from './sanitizeText.ts'

export interface AppendixComment {
  /** "Name (AZ delegation)". */
  byline: string
  date: string
  /** Null for a deleted comment: its words must not reappear on paper. */
  text: string | null
}

export interface AppendixThread {
  number: number
  areaTitle: string
  status: 'Open' | 'Resolved'
  quote: string | null
  comments: AppendixComment[]
}

const delegationNames = { AZ: 'Azerbaijani delegation', US: 'US delegation' } as const

/** Normalises comment threads for the optional appendix, the same way for every format. */
export function appendixThreads(threads: readonly ExportThread[] | undefined): AppendixThread[] {
  return (threads ?? []).map((thread, index) => ({
    number: index + 1,
    areaTitle: isAreaId(thread.area)
      ? findPriorityArea(thread.area).title
      : sanitizeText(thread.area) || 'Other',
    status: thread.resolved ? 'Resolved' : 'Open',
    quote: thread.quote ? sanitizeText(thread.quote).trim() || null : null,
    comments: (thread.comments ?? []).map((comment) => {
      const author = sanitizeText(comment.author).trim() || 'Unknown'
      const delegation = comment.delegation ? delegationNames[comment.delegation] : null
      return {
        byline: delegation ? `${author} (${delegation})` : author,
        date: formatExportDate(comment.createdAt),
        text: comment.deleted ? null : sanitizeText(comment.text),
      }
    }),
  }))
}

export const deletedCommentText = '[comment deleted]'
