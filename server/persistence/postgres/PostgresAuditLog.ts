import type { AuditEvent, AuditLog, NewAuditEvent } from '../../audit/AuditLog.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

interface AuditRow {
  id: string
  at: Date
  actor_id: number | null
  actor_login: string | null
  action: string
  target: string | null
  detail: Record<string, unknown>
  address: string | null
}

/** The audit log in PostgreSQL (table `audit_events`). */
export class PostgresAuditLog implements AuditLog {
  constructor(private readonly database: PostgresDatabase) {}

  async record(event: NewAuditEvent): Promise<void> {
    await this.database.query(
      `INSERT INTO audit_events (at, actor_id, actor_login, action, target, detail, address)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        new Date(),
        event.actorId,
        event.actorLogin,
        event.action,
        event.target,
        JSON.stringify(event.detail),
        event.address,
      ],
    )
  }

  async list({ limit, beforeId }: { limit: number; beforeId?: number }): Promise<AuditEvent[]> {
    const { rows } = await this.database.query<AuditRow>(
      'SELECT * FROM audit_events WHERE id < $1 ORDER BY id DESC LIMIT $2',
      [beforeId ?? Number.MAX_SAFE_INTEGER, limit],
    )
    return rows.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      actorId: row.actor_id,
      actorLogin: row.actor_login,
      action: row.action,
      target: row.target,
      detail: row.detail,
      address: row.address,
    }))
  }
}
