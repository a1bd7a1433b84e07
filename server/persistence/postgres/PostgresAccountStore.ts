import type pg from 'pg'
import { isLanguage, type Language } from '../../../shared/i18n/Language.ts'
import { isDelegation, isRole } from '../../../shared/roles/index.ts'
import type { Account } from '../../auth/Account.ts'
import type { AccountChanges, AccountStore, NewAccount } from '../../auth/AccountStore.ts'
import { LoginTakenError } from '../../auth/LoginTakenError.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

export interface AccountRow {
  id: number
  login: string
  name: string
  delegation: string
  role: string
  is_admin: boolean
  disabled: boolean
  created_at: Date
}

export const accountColumns = 'id, login, name, delegation, role, is_admin, disabled, created_at'

export function toAccount(row: AccountRow): Account {
  if (!isDelegation(row.delegation) || !isRole(row.role)) throw new Error(`corrupt account row ${row.id}`)
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    delegation: row.delegation,
    role: row.role,
    isAdmin: row.is_admin,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  }
}

/**
 * Inserts an account on `client`, so the invitation and setup stores can create one inside their own
 * transaction. Rejects with LoginTakenError if the login is taken in any case (the unique index on lower(login)).
 */
export async function insertAccount(
  client: pg.ClientBase | PostgresDatabase,
  account: NewAccount,
): Promise<Account> {
  try {
    const { rows } = await client.query<AccountRow>(
      `INSERT INTO accounts (login, name, delegation, role, is_admin, password_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${accountColumns}`,
      [
        account.login,
        account.name,
        account.delegation,
        account.role,
        account.isAdmin,
        account.passwordHash,
        new Date(),
      ],
    )
    return toAccount(rows[0]!)
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === '23505')
      throw new LoginTakenError(account.login)
    throw error
  }
}

/** Accounts in PostgreSQL (table `accounts`). */
export class PostgresAccountStore implements AccountStore {
  constructor(private readonly database: PostgresDatabase) {}

  async countAccounts(): Promise<number> {
    const { rows } = await this.database.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM accounts',
    )
    return rows[0]!.count
  }

  createAccount(account: NewAccount): Promise<Account> {
    return insertAccount(this.database, account)
  }

  async findAccountById(id: number): Promise<Account | null> {
    const { rows } = await this.database.query<AccountRow>(
      `SELECT ${accountColumns} FROM accounts WHERE id = $1`,
      [id],
    )
    return rows[0] ? toAccount(rows[0]) : null
  }

  async findAccountByLogin(login: string): Promise<Account | null> {
    const { rows } = await this.database.query<AccountRow>(
      `SELECT ${accountColumns} FROM accounts WHERE lower(login) = lower($1)`,
      [login],
    )
    return rows[0] ? toAccount(rows[0]) : null
  }

  async passwordHashOf(id: number): Promise<string | null> {
    const { rows } = await this.database.query<{ password_hash: string | null }>(
      'SELECT password_hash FROM accounts WHERE id = $1',
      [id],
    )
    return rows[0]?.password_hash ?? null
  }

  async listAccounts(): Promise<Account[]> {
    const { rows } = await this.database.query<AccountRow>(
      `SELECT ${accountColumns} FROM accounts ORDER BY delegation COLLATE "C", name COLLATE "C", id`,
    )
    return rows.map(toAccount)
  }

  async updateAccount(id: number, changes: AccountChanges): Promise<Account | null> {
    // One statement, so concurrent changes of different fields never undo each other.
    const { rows } = await this.database.query<AccountRow>(
      `UPDATE accounts SET role = coalesce($2, role), is_admin = coalesce($3, is_admin),
         disabled = coalesce($4, disabled), name = coalesce($5, name)
       WHERE id = $1 RETURNING ${accountColumns}`,
      [id, changes.role ?? null, changes.isAdmin ?? null, changes.disabled ?? null, changes.name ?? null],
    )
    return rows[0] ? toAccount(rows[0]) : null
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.database.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [id, passwordHash])
  }

  async languageOf(id: number): Promise<Language | null> {
    const { rows } = await this.database.query<{ language: string | null }>(
      'SELECT language FROM accounts WHERE id = $1',
      [id],
    )
    const language = rows[0]?.language
    return isLanguage(language) ? language : null
  }

  async setLanguage(id: number, language: Language): Promise<void> {
    await this.database.query('UPDATE accounts SET language = $2 WHERE id = $1', [id, language])
  }
}
