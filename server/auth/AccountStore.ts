import type { Language } from '../../shared/i18n/Language.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import type { Account } from './Account.ts'

export interface NewAccount {
  login: string
  name: string
  delegation: Delegation
  role: Role
  isAdmin: boolean
  passwordHash: string | null
}

export type AccountChanges = Partial<Pick<Account, 'role' | 'isAdmin' | 'disabled' | 'name'>>

/** The accounts that may sign in. Logins are unique regardless of case. */
export interface AccountStore {
  countAccounts(): Promise<number>
  /** Rejects with LoginTakenError if another account has the login (in any case). */
  createAccount(account: NewAccount): Promise<Account>
  findAccountById(id: number): Promise<Account | null>
  /** Case-insensitive. */
  findAccountByLogin(login: string): Promise<Account | null>
  passwordHashOf(id: number): Promise<string | null>
  /** Sorted by delegation, then name. */
  listAccounts(): Promise<Account[]>
  updateAccount(id: number, changes: AccountChanges): Promise<Account | null>
  setPasswordHash(id: number, passwordHash: string): Promise<void>
  /** The interface language the person chose, or null if they never chose (or there is no such account). */
  languageOf(id: number): Promise<Language | null>
  setLanguage(id: number, language: Language): Promise<void>
}
