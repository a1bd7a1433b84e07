import type { ThreadAnchor, ThreadArea, ThreadKind, ThreadView } from '../../shared/comments/index.ts'
import type { Delegation } from '../../shared/roles/index.ts'

export interface NewComment {
  authorId: number
  authorName: string
  delegation: Delegation
  text: string
  mentions: number[]
}

export interface NewThread {
  documentName: string
  kind: ThreadKind
  area: ThreadArea
  anchor: ThreadAnchor | null
  quote: string | null
  createdBy: number
  firstComment: NewComment
}

export interface CommentOwner {
  threadId: number
  authorId: number
  deletedAt: string | null
}

/**
 * Server-owned comment threads. Every write resolves to the thread as it is now stored, comments in the order
 * they were added. Callers check that a thread or comment exists first (ThreadService does); a write to an
 * unknown id is a caller error.
 */
export interface ThreadStore {
  /** Creates the thread and its first comment atomically. */
  createThread(thread: NewThread): Promise<ThreadView>
  findThread(id: number): Promise<ThreadView | null>
  /** Oldest first. */
  listThreads(documentName: string): Promise<ThreadView[]>
  addComment(threadId: number, comment: NewComment): Promise<ThreadView>
  findComment(id: number): Promise<CommentOwner | null>
  /** A deleted comment stays deleted: editing it changes nothing. */
  editComment(id: number, text: string, mentions: number[]): Promise<ThreadView>
  /** Soft delete: the text and mentions are removed, the comment stays as a placeholder. Idempotent. */
  deleteComment(id: number): Promise<ThreadView>
  setStatus(threadId: number, status: 'open' | 'resolved', accountId: number): Promise<ThreadView>
}
