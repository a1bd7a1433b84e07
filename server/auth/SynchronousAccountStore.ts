import type { Account } from './Account.ts'
import type { NewAccount } from './AccountStore.ts'

/**
 * The part of an account store that is synchronous underneath: its backend's other auth stores call `insert`,
 * `findById` and `count` directly, so they can create or read an account without yielding (in memory) or inside
 * their own transaction (SQLite); the `AccountStore` methods are the same calls, made async.
 */
export abstract class SynchronousAccountStore {
  abstract insert(account: NewAccount): Account
  abstract findById(id: number): Account | null
  abstract count(): number

  async countAccounts(): Promise<number> {
    return this.count()
  }

  async createAccount(account: NewAccount): Promise<Account> {
    return this.insert(account)
  }

  async findAccountById(id: number): Promise<Account | null> {
    return this.findById(id)
  }
}
