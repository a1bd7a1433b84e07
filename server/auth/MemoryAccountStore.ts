import type { Language } from '../../shared/i18n/Language.ts'
import type { Account } from './Account.ts'
import type { AccountChanges, AccountStore, NewAccount } from './AccountStore.ts'
import { LoginTakenError } from './LoginTakenError.ts'
import { SynchronousAccountStore } from './SynchronousAccountStore.ts'

interface StoredAccount {
  account: Account
  passwordHash: string | null
  language: Language | null
}

/** In-process accounts for tests; returns copies so callers cannot change what is stored. */
export class MemoryAccountStore extends SynchronousAccountStore implements AccountStore {
  private readonly accounts = new Map<number, StoredAccount>()
  private nextId = 1

  async findAccountByLogin(login: string): Promise<Account | null> {
    const wanted = login.toLowerCase()
    for (const stored of this.accounts.values()) {
      if (stored.account.login.toLowerCase() === wanted) return { ...stored.account }
    }
    return null
  }

  async passwordHashOf(id: number): Promise<string | null> {
    return this.accounts.get(id)?.passwordHash ?? null
  }

  async listAccounts(): Promise<Account[]> {
    return [...this.accounts.values()]
      .map((stored) => ({ ...stored.account }))
      .sort((a, b) =>
        a.delegation === b.delegation ? compareText(a.name, b.name) : compareText(a.delegation, b.delegation),
      )
  }

  async updateAccount(id: number, changes: AccountChanges): Promise<Account | null> {
    const stored = this.accounts.get(id)
    if (!stored) return null
    const { role, isAdmin, disabled, name } = { ...stored.account, ...changes }
    stored.account = { ...stored.account, role, isAdmin, disabled, name }
    return { ...stored.account }
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    const stored = this.accounts.get(id)
    if (stored) stored.passwordHash = passwordHash
  }

  async languageOf(id: number): Promise<Language | null> {
    return this.accounts.get(id)?.language ?? null
  }

  async setLanguage(id: number, language: Language): Promise<void> {
    const stored = this.accounts.get(id)
    if (stored) stored.language = language
  }

  insert(account: NewAccount): Account {
    const wanted = account.login.toLowerCase()
    for (const stored of this.accounts.values()) {
      if (stored.account.login.toLowerCase() === wanted) throw new LoginTakenError(account.login)
    }
    const created: Account = {
      id: this.nextId++,
      login: account.login,
      name: account.name,
      delegation: account.delegation,
      role: account.role,
      isAdmin: account.isAdmin,
      disabled: false,
      createdAt: new Date().toISOString(),
    }
    this.accounts.set(created.id, { account: created, passwordHash: account.passwordHash, language: null })
    return { ...created }
  }

  findById(id: number): Account | null {
    const stored = this.accounts.get(id)
    return stored ? { ...stored.account } : null
  }

  count(): number {
    return this.accounts.size
  }
}

/** Byte order, as SQLite's default BINARY collation sorts. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
