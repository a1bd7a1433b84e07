import { isLanguage, type Language } from '../../shared/i18n/Language.ts'
import { isDelegation, isRole } from '../../shared/roles/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { Account } from './Account.ts'
import type { AccountChanges, AccountStore, NewAccount } from './AccountStore.ts'
import { LoginTakenError } from './LoginTakenError.ts'
import { SynchronousAccountStore } from './SynchronousAccountStore.ts'

interface AccountRow {
  id: number
  login: string
  name: string
  delegation: string
  role: string
  is_admin: number
  disabled: number
  created_at: string
}

function toAccount(row: AccountRow): Account {
  if (!isDelegation(row.delegation) || !isRole(row.role)) throw new Error(`corrupt account row ${row.id}`)
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    delegation: row.delegation,
    role: row.role,
    isAdmin: row.is_admin === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  }
}

const accountColumns = 'id, login, name, delegation, role, is_admin, disabled, created_at'

/** Accounts in SQLite (table `accounts`, migration 0001; `language` from 0002). */
export class SqliteAccountStore extends SynchronousAccountStore implements AccountStore {
  constructor(private readonly database: SqliteDatabase) {
    super()
  }

  async findAccountByLogin(login: string): Promise<Account | null> {
    const row = this.database.prepare(`SELECT ${accountColumns} FROM accounts WHERE login = ?`).get(login) as
      | AccountRow
      | undefined
    return row ? toAccount(row) : null
  }

  async passwordHashOf(id: number): Promise<string | null> {
    const row = this.database.prepare('SELECT password_hash FROM accounts WHERE id = ?').get(id) as
      | { password_hash: string | null }
      | undefined
    return row?.password_hash ?? null
  }

  async listAccounts(): Promise<Account[]> {
    return (
      this.database
        .prepare(`SELECT ${accountColumns} FROM accounts ORDER BY delegation, name`)
        .all() as AccountRow[]
    ).map(toAccount)
  }

  async updateAccount(id: number, changes: AccountChanges): Promise<Account | null> {
    const current = this.findById(id)
    if (!current) return null
    const next = { ...current, ...changes }
    this.database
      .prepare('UPDATE accounts SET role = ?, is_admin = ?, disabled = ?, name = ? WHERE id = ?')
      .run(next.role, next.isAdmin ? 1 : 0, next.disabled ? 1 : 0, next.name, id)
    return this.findById(id)
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    this.database.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, id)
  }

  async languageOf(id: number): Promise<Language | null> {
    const row = this.database.prepare('SELECT language FROM accounts WHERE id = ?').get(id) as
      | { language: string | null }
      | undefined
    return isLanguage(row?.language) ? row.language : null
  }

  async setLanguage(id: number, language: Language): Promise<void> {
    this.database.prepare('UPDATE accounts SET language = ? WHERE id = ?').run(language, id)
  }

  insert(account: NewAccount): Account {
    try {
      const result = this.database
        .prepare(
          `INSERT INTO accounts (login, name, delegation, role, is_admin, password_hash, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          account.login,
          account.name,
          account.delegation,
          account.role,
          account.isAdmin ? 1 : 0,
          account.passwordHash,
          new Date().toISOString(),
        )
      return this.findById(Number(result.lastInsertRowid))!
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new LoginTakenError(account.login)
      }
      throw error
    }
  }

  findById(id: number): Account | null {
    const row = this.database.prepare(`SELECT ${accountColumns} FROM accounts WHERE id = ?`).get(id) as
      | AccountRow
      | undefined
    return row ? toAccount(row) : null
  }

  count(): number {
    return (this.database.prepare('SELECT count(*) AS count FROM accounts').get() as { count: number }).count
  }
}
