import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { Account } from './Account.ts'
import type { FirstAccount, SetupSecretStore } from './SetupSecretStore.ts'
import type { SqliteAccountStore } from './SqliteAccountStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

/** The setup secret's hash in SQLite (`settings` row `setup_token_hash`). */
export class SqliteSetupSecretStore implements SetupSecretStore {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly accounts: SqliteAccountStore,
  ) {}

  async createSetupToken(): Promise<string> {
    const token = createSecretToken()
    this.database
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('setup_token_hash', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(hashSecretToken(token))
    return token
  }

  async completeSetup(token: string, account: FirstAccount): Promise<Account | null> {
    return this.database.transaction(() => {
      if (this.accounts.count() > 0) return null
      const stored = this.database
        .prepare("SELECT value FROM settings WHERE key = 'setup_token_hash'")
        .get() as { value: string } | undefined
      if (!stored || stored.value !== hashSecretToken(token)) return null
      this.database.prepare("DELETE FROM settings WHERE key = 'setup_token_hash'").run()
      return this.accounts.insert({ ...account, role: 'co-chair', isAdmin: true })
    })()
  }
}
