import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { SignInLinkStore } from './SignInLinkStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

/** Sign-in links in SQLite (table `sign_in_links`); consumption is one conditional UPDATE, hence single use. */
export class SqliteSignInLinkStore implements SignInLinkStore {
  constructor(private readonly database: SqliteDatabase) {}

  async createSignInLink(userId: number, expiresAt: Date): Promise<string> {
    const token = createSecretToken()
    this.database
      .prepare('INSERT INTO sign_in_links (token_hash, user_id, expires_at) VALUES (?, ?, ?)')
      .run(hashSecretToken(token), userId, expiresAt.toISOString())
    return token
  }

  async consumeSignInLink(token: string, now: Date): Promise<number | null> {
    const row = this.database
      .prepare(
        `UPDATE sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
         RETURNING user_id`,
      )
      .get(now.toISOString(), hashSecretToken(token), now.toISOString()) as { user_id: number } | undefined
    return row?.user_id ?? null
  }
}
