import type { SignInLinkStore } from '../../auth/SignInLinkStore.ts'
import { createSecretToken, hashSecretToken } from '../../auth/secretToken.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

/**
 * Sign-in links in PostgreSQL (table `sign_in_links`). Consumption is one conditional UPDATE: a concurrent
 * second one waits for the first's row lock, then finds `used_at` set, hence single use across instances.
 */
export class PostgresSignInLinkStore implements SignInLinkStore {
  constructor(private readonly database: PostgresDatabase) {}

  async createSignInLink(userId: number, expiresAt: Date): Promise<string> {
    const token = createSecretToken()
    await this.database.query(
      'INSERT INTO sign_in_links (token_hash, user_id, expires_at) VALUES ($1, $2, $3)',
      [hashSecretToken(token), userId, expiresAt],
    )
    return token
  }

  async consumeSignInLink(token: string, now: Date): Promise<number | null> {
    const { rows } = await this.database.query<{ user_id: number }>(
      `UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING user_id`,
      [hashSecretToken(token), now],
    )
    return rows[0]?.user_id ?? null
  }
}
