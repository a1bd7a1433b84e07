import type { Session } from '../../auth/Account.ts'
import type { LiveSession, NewSession, SessionStore } from '../../auth/SessionStore.ts'
import { createSecretToken, hashSecretToken } from '../../auth/secretToken.ts'
import { type AccountRow, toAccount } from './PostgresAccountStore.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

interface SessionRow {
  id: number
  user_id: number
  kind: string
  document_name: string | null
  label: string | null
  created_at: Date
  expires_at: Date
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind === 'token' ? 'token' : 'browser',
    documentName: row.document_name,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  }
}

const sessionColumns = 'id, user_id, kind, document_name, label, created_at, expires_at'

/** A live session and its enabled account in one query: every open socket re-checks this every few seconds. */
const liveSessionQuery = `SELECT s.id, s.user_id, s.kind, s.document_name, s.label, s.created_at, s.expires_at,
    a.login, a.name, a.delegation, a.role, a.is_admin, a.disabled, a.created_at AS account_created_at
  FROM sessions s JOIN accounts a ON a.id = s.user_id
  WHERE s.revoked_at IS NULL AND s.expires_at > $2 AND NOT a.disabled`

type LiveRow = SessionRow & Omit<AccountRow, 'id' | 'created_at'> & { account_created_at: Date }

function toLiveSession(row: LiveRow): LiveSession {
  return {
    session: toSession(row),
    account: toAccount({ ...row, id: row.user_id, created_at: row.account_created_at }),
  }
}

/** Sessions in PostgreSQL (table `sessions`). */
export class PostgresSessionStore implements SessionStore {
  constructor(private readonly database: PostgresDatabase) {}

  async createSession(session: NewSession): Promise<{ session: Session; token: string }> {
    const token = createSecretToken()
    const { rows } = await this.database.query<SessionRow>(
      `INSERT INTO sessions (token_hash, user_id, kind, document_name, label, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${sessionColumns}`,
      [
        hashSecretToken(token),
        session.userId,
        session.kind,
        session.documentName ?? null,
        session.label ?? null,
        new Date(),
        session.expiresAt,
      ],
    )
    return { session: toSession(rows[0]!), token }
  }

  async findSession(token: string, now: Date): Promise<LiveSession | null> {
    const { rows } = await this.database.query<LiveRow>(`${liveSessionQuery} AND s.token_hash = $1`, [
      hashSecretToken(token),
      now,
    ])
    return rows[0] ? toLiveSession(rows[0]) : null
  }

  async findSessionById(id: number, now: Date): Promise<LiveSession | null> {
    const { rows } = await this.database.query<LiveRow>(`${liveSessionQuery} AND s.id = $1`, [id, now])
    return rows[0] ? toLiveSession(rows[0]) : null
  }

  async revokeSession(id: number): Promise<void> {
    await this.database.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
      id,
    ])
  }

  async revokeSessionsOf(userId: number): Promise<number> {
    const { rowCount } = await this.database.query(
      'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    )
    return rowCount ?? 0
  }
}
