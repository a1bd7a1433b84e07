import type { Account } from './Account.ts'
import type { NewAccount } from './AccountStore.ts'

export type FirstAccount = Omit<NewAccount, 'role' | 'isAdmin'>

/** The one-time secret printed at first start, which lets its holder create the first (admin co-chair) account. */
export interface SetupSecretStore {
  /** Replaces the secret (a new one per start while there are no accounts) and returns it. */
  createSetupToken(): Promise<string>
  /**
   * Creates the first admin co-chair and forgets the secret, atomically, if the secret matches and no account
   * exists yet; otherwise null. Exactly one of concurrent calls succeeds.
   */
  completeSetup(token: string, account: FirstAccount): Promise<Account | null>
}
