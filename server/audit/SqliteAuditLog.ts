import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import { SqliteGroupCommit } from '../persistence/SqliteGroupCommit.ts'
import type { AuditEvent, AuditLog, NewAuditEvent } from './AuditLog.ts'

interface AuditRow {
  id: number
  at: string
  actor_id: number | null
  actor_login: string | null
  action: string
  target: string | null
  detail: string
  address: string | null
}

/** The audit log in SQLite (table `audit_events`). */
export class SqliteAuditLog implements AuditLog {
  constructor(private readonly database: SqliteDatabase) {}

  async record(event: NewAuditEvent): Promise<void> {
    // Inside a caller's transaction the record belongs to it; otherwise it shares the turn's group commit (one
    // fsync for every connection opened in that turn, instead of one each).
    if (this.database.inTransaction) this.insert(event)
    else await SqliteGroupCommit.of(this.database).run(() => this.insert(event))
  }

  private insert(event: NewAuditEvent): void {
    this.database
      .prepare(
        'INSERT INTO audit_events (at, actor_id, actor_login, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        new Date().toISOString(),
        event.actorId,
        event.actorLogin,
        event.action,
        event.target,
        JSON.stringify(event.detail),
        event.address,
      )
  }

  async list({ limit, beforeId }: { limit: number; beforeId?: number }): Promise<AuditEvent[]> {
    const rows = this.database
      .prepare('SELECT * FROM audit_events WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[]
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorLogin: row.actor_login,
      action: row.action,
      target: row.target,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      address: row.address,
    }))
  }
}
