import type { Account } from '../../auth/Account.ts'
import type { FirstAccount, SetupSecretStore } from '../../auth/SetupSecretStore.ts'
import { createSecretToken, hashSecretToken } from '../../auth/secretToken.ts'
import { insertAccount } from './PostgresAccountStore.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'
import { runInTransaction } from './runInTransaction.ts'

/** The setup secret's hash in PostgreSQL (`settings` row `setup_token_hash`). */
export class PostgresSetupSecretStore implements SetupSecretStore {
  constructor(private readonly database: PostgresDatabase) {}

  async createSetupToken(): Promise<string> {
    const token = createSecretToken()
    await this.database.query(
      `INSERT INTO settings (key, value) VALUES ('setup_token_hash', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [hashSecretToken(token)],
    )
    return token
  }

  completeSetup(token: string, account: FirstAccount): Promise<Account | null> {
    return runInTransaction(this.database, async (client) => {
      // Deleting the secret first takes its row lock: a concurrent call waits, then finds nothing to delete.
      const { rowCount } = await client.query(
        "DELETE FROM settings WHERE key = 'setup_token_hash' AND value = $1",
        [hashSecretToken(token)],
      )
      if (rowCount !== 1) return null
      const { rows } = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM accounts) AS any')
      if (rows[0]!.any) throw new SetupClosed()
      return insertAccount(client, { ...account, role: 'co-chair', isAdmin: true })
    }).catch((error: unknown) => {
      if (error instanceof SetupClosed) return null
      throw error
    })
  }
}

/** Rolls the setup transaction back (keeping the secret) when an account exists already. */
class SetupClosed extends Error {}
