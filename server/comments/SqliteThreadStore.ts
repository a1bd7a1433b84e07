import type { CommentView, ThreadView } from '../../shared/comments/index.ts'
import { isDelegation } from '../../shared/roles/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { CommentOwner, NewComment, NewThread, ThreadStore } from './ThreadStore.ts'

interface ThreadRow {
  id: number
  document_name: string
  kind: string
  area: string
  anchor_start: string | null
  anchor_end: string | null
  quote: string | null
  status: string
  created_by: number
  created_at: string
  resolved_by: number | null
  resolved_at: string | null
}

interface CommentRow {
  id: number
  thread_id: number
  author_id: number
  author_name: string
  delegation: string
  text: string | null
  mentions: string
  created_at: string
  edited_at: string | null
  deleted_at: string | null
}

function toComment(row: CommentRow): CommentView {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name,
    delegation: isDelegation(row.delegation) ? row.delegation : 'AZ',
    text: row.deleted_at ? null : row.text,
    mentions: JSON.parse(row.mentions) as number[],
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  }
}

/** Threads and comments in SQLite (tables `threads`, `comments`). */
export class SqliteThreadStore implements ThreadStore {
  constructor(private readonly database: SqliteDatabase) {}

  async createThread(thread: NewThread): Promise<ThreadView> {
    return this.database.transaction(() => {
      const result = this.database
        .prepare(
          `INSERT INTO threads (document_name, kind, area, anchor_start, anchor_end, quote, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          thread.documentName,
          thread.kind,
          thread.area,
          thread.anchor?.start ?? null,
          thread.anchor?.end ?? null,
          thread.quote,
          thread.createdBy,
          new Date().toISOString(),
        )
      const id = Number(result.lastInsertRowid)
      this.insertComment(id, thread.firstComment)
      return this.findNow(id)!
    })()
  }

  async findThread(id: number): Promise<ThreadView | null> {
    return this.findNow(id)
  }

  private findNow(id: number): ThreadView | null {
    const row = this.database.prepare('SELECT * FROM threads WHERE id = ?').get(id) as ThreadRow | undefined
    return row ? this.toThread(row) : null
  }

  async listThreads(documentName: string): Promise<ThreadView[]> {
    const rows = this.database
      .prepare('SELECT * FROM threads WHERE document_name = ? ORDER BY id')
      .all(documentName) as ThreadRow[]
    return rows.map((row) => this.toThread(row))
  }

  async addComment(threadId: number, comment: NewComment): Promise<ThreadView> {
    this.insertComment(threadId, comment)
    return this.findNow(threadId)!
  }

  async findComment(id: number): Promise<CommentOwner | null> {
    return this.findOwner(id)
  }

  private findOwner(id: number): CommentOwner | null {
    const row = this.database
      .prepare('SELECT thread_id, author_id, deleted_at FROM comments WHERE id = ?')
      .get(id) as { thread_id: number; author_id: number; deleted_at: string | null } | undefined
    return row ? { threadId: row.thread_id, authorId: row.author_id, deletedAt: row.deleted_at } : null
  }

  async editComment(id: number, text: string, mentions: number[]): Promise<ThreadView> {
    this.database
      .prepare(
        'UPDATE comments SET text = ?, mentions = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL',
      )
      .run(text, JSON.stringify(mentions), new Date().toISOString(), id)
    return this.findNow(this.findOwner(id)!.threadId)!
  }

  async deleteComment(id: number): Promise<ThreadView> {
    this.database
      .prepare(
        "UPDATE comments SET text = NULL, mentions = '[]', deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
      )
      .run(new Date().toISOString(), id)
    return this.findNow(this.findOwner(id)!.threadId)!
  }

  async setStatus(threadId: number, status: 'open' | 'resolved', accountId: number): Promise<ThreadView> {
    const resolved = status === 'resolved'
    this.database
      .prepare('UPDATE threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?')
      .run(status, resolved ? accountId : null, resolved ? new Date().toISOString() : null, threadId)
    return this.findNow(threadId)!
  }

  private insertComment(threadId: number, comment: NewComment): void {
    this.database
      .prepare(
        `INSERT INTO comments (thread_id, author_id, author_name, delegation, text, mentions, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        threadId,
        comment.authorId,
        comment.authorName,
        comment.delegation,
        comment.text,
        JSON.stringify(comment.mentions),
        new Date().toISOString(),
      )
  }

  private toThread(row: ThreadRow): ThreadView {
    const comments = (
      this.database
        .prepare('SELECT * FROM comments WHERE thread_id = ? ORDER BY id')
        .all(row.id) as CommentRow[]
    ).map(toComment)
    return {
      id: row.id,
      documentName: row.document_name,
      kind: row.kind === 'inline' ? 'inline' : 'area',
      area: row.area as ThreadView['area'],
      anchor: row.anchor_start && row.anchor_end ? { start: row.anchor_start, end: row.anchor_end } : null,
      quote: row.quote,
      status: row.status === 'resolved' ? 'resolved' : 'open',
      createdBy: row.created_by,
      createdAt: row.created_at,
      resolvedBy: row.resolved_by,
      resolvedAt: row.resolved_at,
      comments,
    }
  }
}
