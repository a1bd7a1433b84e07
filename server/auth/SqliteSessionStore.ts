import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { Session } from './Account.ts'
import type { LiveSession, NewSession, SessionStore } from './SessionStore.ts'
import type { SqliteAccountStore } from './SqliteAccountStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

interface SessionRow {
  id: number
  user_id: number
  kind: string
  document_name: string | null
  label: string | null
  created_at: string
  expires_at: string
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind === 'token' ? 'token' : 'browser',
    documentName: row.document_name,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }
}

/** Sessions in SQLite (table `sessions`). */
export class SqliteSessionStore implements SessionStore {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly accounts: SqliteAccountStore,
  ) {}

  async createSession(session: NewSession): Promise<{ session: Session; token: string }> {
    const token = createSecretToken()
    const result = this.database
      .prepare(
        `INSERT INTO sessions (token_hash, user_id, kind, document_name, label, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashSecretToken(token),
        session.userId,
        session.kind,
        session.documentName ?? null,
        session.label ?? null,
        new Date().toISOString(),
        session.expiresAt.toISOString(),
      )
    const row = this.database
      .prepare('SELECT * FROM sessions WHERE id = ?')
      .get(Number(result.lastInsertRowid)) as SessionRow
    return { session: toSession(row), token }
  }

  async findSession(token: string, now: Date): Promise<LiveSession | null> {
    const row = this.database
      .prepare('SELECT * FROM sessions WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?')
      .get(hashSecretToken(token), now.toISOString()) as SessionRow | undefined
    return row ? this.withAccount(row) : null
  }

  async findSessionById(id: number, now: Date): Promise<LiveSession | null> {
    const row = this.database
      .prepare('SELECT * FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?')
      .get(id, now.toISOString()) as SessionRow | undefined
    return row ? this.withAccount(row) : null
  }

  async revokeSession(id: number): Promise<void> {
    this.database
      .prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), id)
  }

  async revokeSessionsOf(userId: number): Promise<number> {
    return this.database
      .prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), userId).changes
  }

  private withAccount(row: SessionRow): LiveSession | null {
    const account = this.accounts.findById(row.user_id)
    if (!account || account.disabled) return null
    return { session: toSession(row), account }
  }
}
