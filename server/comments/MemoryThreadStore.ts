import type { CommentView, ThreadView } from '../../shared/comments/index.ts'
import type { CommentOwner, NewComment, NewThread, ThreadStore } from './ThreadStore.ts'

/** In-process threads for tests; returns copies so callers cannot change what is stored. */
export class MemoryThreadStore implements ThreadStore {
  private readonly threads = new Map<number, ThreadView>()
  private readonly comments = new Map<number, CommentView>()
  private nextCommentId = 1

  async createThread(thread: NewThread): Promise<ThreadView> {
    const created: ThreadView = {
      id: this.threads.size + 1,
      documentName: thread.documentName,
      kind: thread.kind,
      area: thread.area,
      anchor: thread.anchor ? { ...thread.anchor } : null,
      quote: thread.quote,
      status: 'open',
      createdBy: thread.createdBy,
      createdAt: new Date().toISOString(),
      resolvedBy: null,
      resolvedAt: null,
      comments: [],
    }
    this.threads.set(created.id, created)
    this.insertComment(created, thread.firstComment)
    return structuredClone(created)
  }

  async findThread(id: number): Promise<ThreadView | null> {
    const thread = this.threads.get(id)
    return thread ? structuredClone(thread) : null
  }

  async listThreads(documentName: string): Promise<ThreadView[]> {
    return [...this.threads.values()]
      .filter((thread) => thread.documentName === documentName)
      .map((thread) => structuredClone(thread))
  }

  async addComment(threadId: number, comment: NewComment): Promise<ThreadView> {
    const thread = this.requireThread(threadId)
    this.insertComment(thread, comment)
    return structuredClone(thread)
  }

  async findComment(id: number): Promise<CommentOwner | null> {
    const comment = this.comments.get(id)
    return comment
      ? { threadId: comment.threadId, authorId: comment.authorId, deletedAt: comment.deletedAt }
      : null
  }

  async editComment(id: number, text: string, mentions: number[]): Promise<ThreadView> {
    const comment = this.requireComment(id)
    if (comment.deletedAt === null) {
      comment.text = text
      comment.mentions = [...mentions]
      comment.editedAt = new Date().toISOString()
    }
    return structuredClone(this.requireThread(comment.threadId))
  }

  async deleteComment(id: number): Promise<ThreadView> {
    const comment = this.requireComment(id)
    if (comment.deletedAt === null) {
      comment.text = null
      comment.mentions = []
      comment.deletedAt = new Date().toISOString()
    }
    return structuredClone(this.requireThread(comment.threadId))
  }

  async setStatus(threadId: number, status: 'open' | 'resolved', accountId: number): Promise<ThreadView> {
    const thread = this.requireThread(threadId)
    const resolved = status === 'resolved'
    thread.status = status
    thread.resolvedBy = resolved ? accountId : null
    thread.resolvedAt = resolved ? new Date().toISOString() : null
    return structuredClone(thread)
  }

  private insertComment(thread: ThreadView, comment: NewComment): void {
    const created: CommentView = {
      id: this.nextCommentId++,
      threadId: thread.id,
      authorId: comment.authorId,
      authorName: comment.authorName,
      delegation: comment.delegation,
      text: comment.text,
      mentions: [...comment.mentions],
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
    }
    this.comments.set(created.id, created)
    // The thread holds the same object, so edits and deletes show in it.
    thread.comments.push(created)
  }

  private requireThread(id: number): ThreadView {
    const thread = this.threads.get(id)
    if (!thread) throw new Error(`no thread ${id}`)
    return thread
  }

  private requireComment(id: number): CommentView {
    const comment = this.comments.get(id)
    if (!comment) throw new Error(`no comment ${id}`)
    return comment
  }
}
