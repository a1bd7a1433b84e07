import type pg from 'pg'
import type { CommentView, ThreadView } from '../../../shared/comments/index.ts'
import { isDelegation } from '../../../shared/roles/index.ts'
import type { CommentOwner, NewComment, NewThread, ThreadStore } from '../../comments/ThreadStore.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'
import { runInTransaction } from './runInTransaction.ts'

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
  created_at: Date
  resolved_by: number | null
  resolved_at: Date | null
}

interface CommentRow {
  id: number
  thread_id: number
  author_id: number
  author_name: string
  delegation: string
  text: string | null
  mentions: number[]
  created_at: Date
  edited_at: Date | null
  deleted_at: Date | null
}

type Queryable = pg.ClientBase | PostgresDatabase

function toComment(row: CommentRow): CommentView {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name,
    delegation: isDelegation(row.delegation) ? row.delegation : 'AZ',
    text: row.deleted_at ? null : row.text,
    mentions: row.mentions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  }
}

function toThread(row: ThreadRow, comments: CommentView[]): ThreadView {
  return {
    id: row.id,
    documentName: row.document_name,
    kind: row.kind === 'inline' ? 'inline' : 'area',
    area: row.area as ThreadView['area'],
    anchor: row.anchor_start && row.anchor_end ? { start: row.anchor_start, end: row.anchor_end } : null,
    quote: row.quote,
    status: row.status === 'resolved' ? 'resolved' : 'open',
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    comments,
  }
}

/** Threads and comments in PostgreSQL (tables `threads`, `comments`). */
export class PostgresThreadStore implements ThreadStore {
  constructor(private readonly database: PostgresDatabase) {}

  createThread(thread: NewThread): Promise<ThreadView> {
    return runInTransaction(this.database, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO threads (document_name, kind, area, anchor_start, anchor_end, quote, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          thread.documentName,
          thread.kind,
          thread.area,
          thread.anchor?.start ?? null,
          thread.anchor?.end ?? null,
          thread.quote,
          thread.createdBy,
          new Date(),
        ],
      )
      const id = rows[0]!.id
      await this.insertComment(client, id, thread.firstComment)
      return (await this.findOn(client, id))!
    })
  }

  findThread(id: number): Promise<ThreadView | null> {
    return this.findOn(this.database, id)
  }

  async listThreads(documentName: string): Promise<ThreadView[]> {
    const threads = await this.database.query<ThreadRow>(
      'SELECT * FROM threads WHERE document_name = $1 ORDER BY id',
      [documentName],
    )
    const comments = await this.database.query<CommentRow>(
      `SELECT c.* FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.document_name = $1
       ORDER BY c.id`,
      [documentName],
    )
    const byThread = new Map<number, CommentView[]>()
    for (const row of comments.rows) {
      const list = byThread.get(row.thread_id) ?? []
      list.push(toComment(row))
      byThread.set(row.thread_id, list)
    }
    return threads.rows.map((row) => toThread(row, byThread.get(row.id) ?? []))
  }

  async addComment(threadId: number, comment: NewComment): Promise<ThreadView> {
    await this.insertComment(this.database, threadId, comment)
    return (await this.findThread(threadId))!
  }

  async findComment(id: number): Promise<CommentOwner | null> {
    const { rows } = await this.database.query<{
      thread_id: number
      author_id: number
      deleted_at: Date | null
    }>('SELECT thread_id, author_id, deleted_at FROM comments WHERE id = $1', [id])
    const row = rows[0]
    return row
      ? { threadId: row.thread_id, authorId: row.author_id, deletedAt: row.deleted_at?.toISOString() ?? null }
      : null
  }

  async editComment(id: number, text: string, mentions: number[]): Promise<ThreadView> {
    await this.database.query(
      'UPDATE comments SET text = $2, mentions = $3, edited_at = $4 WHERE id = $1 AND deleted_at IS NULL',
      [id, text, JSON.stringify(mentions), new Date()],
    )
    return this.threadOfComment(id)
  }

  async deleteComment(id: number): Promise<ThreadView> {
    await this.database.query(
      "UPDATE comments SET text = NULL, mentions = '[]', deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL",
      [id, new Date()],
    )
    return this.threadOfComment(id)
  }

  async setStatus(threadId: number, status: 'open' | 'resolved', accountId: number): Promise<ThreadView> {
    const resolved = status === 'resolved'
    await this.database.query(
      'UPDATE threads SET status = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1',
      [threadId, status, resolved ? accountId : null, resolved ? new Date() : null],
    )
    return (await this.findThread(threadId))!
  }

  private async threadOfComment(commentId: number): Promise<ThreadView> {
    const owner = await this.findComment(commentId)
    return (await this.findThread(owner!.threadId))!
  }

  private async findOn(client: Queryable, id: number): Promise<ThreadView | null> {
    const { rows } = await client.query<ThreadRow>('SELECT * FROM threads WHERE id = $1', [id])
    if (!rows[0]) return null
    const comments = await client.query<CommentRow>(
      'SELECT * FROM comments WHERE thread_id = $1 ORDER BY id',
      [id],
    )
    return toThread(rows[0], comments.rows.map(toComment))
  }

  private async insertComment(client: Queryable, threadId: number, comment: NewComment): Promise<void> {
    await client.query(
      `INSERT INTO comments (thread_id, author_id, author_name, delegation, text, mentions, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        threadId,
        comment.authorId,
        comment.authorName,
        comment.delegation,
        comment.text,
        JSON.stringify(comment.mentions),
        new Date(),
      ],
    )
  }
}
