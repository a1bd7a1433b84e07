import type { Delegation } from '../roles/index.ts'
import type { AreaId } from '../schema/index.ts'

/** A thread is about a priority area as a whole, or anchored to a range of text ('inline'). */
export type ThreadKind = 'area' | 'inline'

/** Areas a thread can belong to: the document's sections, or the draft in general. */
export type ThreadArea = AreaId | 'general'

export type ThreadStatus = 'open' | 'resolved'

/** Start and end of an inline thread as Yjs relative positions, each encoded by `encodeAnchorPosition`. */
export interface ThreadAnchor {
  start: string
  end: string
}

export interface CommentView {
  id: number
  threadId: number
  authorId: number
  authorName: string
  delegation: Delegation
  /** Null once deleted: the thread keeps a placeholder so replies still make sense. */
  text: string | null
  /** Ids of the accounts mentioned with @name. */
  mentions: number[]
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
}

export interface ThreadView {
  id: number
  documentName: string
  kind: ThreadKind
  area: ThreadArea
  anchor: ThreadAnchor | null
  /** The text the thread was about when it was opened; shown if the text is later deleted (orphaned). */
  quote: string | null
  status: ThreadStatus
  createdBy: number
  createdAt: string
  resolvedBy: number | null
  resolvedAt: string | null
  comments: CommentView[]
}

/** Name of the read-only sync document that carries a document's threads to clients. */
export function threadsDocumentName(documentName: string): string {
  return `${documentName}--threads`
}

/** The document a threads channel belongs to, or null if the name is not a threads channel. */
export function documentOfThreads(name: string): string | null {
  return name.endsWith('--threads') ? name.slice(0, -'--threads'.length) : null
}

/** Key of the Y.Map (in the threads document) holding ThreadView objects by id. */
export const threadsMapName = 'threads'

export const commentLimits = {
  /** Comments are prose, not documents. */
  maxTextLength: 5000,
  maxQuoteLength: 500,
  /** A base64 relative position is ~20–60 bytes; this leaves room and refuses junk. */
  maxAnchorLength: 512,
} as const
