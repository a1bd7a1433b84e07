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

/** Server-owned comment threads. Every write returns the thread as it is now stored. */
export interface ThreadStore {
  createThread(thread: NewThread): ThreadView
  findThread(id: number): ThreadView | null
  listThreads(documentName: string): ThreadView[]
  addComment(threadId: number, comment: NewComment): ThreadView
  findComment(id: number): { threadId: number; authorId: number; deletedAt: string | null } | null
  editComment(id: number, text: string, mentions: number[]): ThreadView
  /** Soft delete: the text is removed, the comment stays as a placeholder. */
  deleteComment(id: number): ThreadView
  setStatus(threadId: number, status: 'open' | 'resolved', accountId: number): ThreadView
}
