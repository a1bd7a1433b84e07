import type { Account } from './Account.ts'
import type { MemoryAccountStore } from './MemoryAccountStore.ts'
import type { FirstAccount, SetupSecretStore } from './SetupSecretStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

/** In-process setup secret for tests. */
export class MemorySetupSecretStore implements SetupSecretStore {
  private secretHash: string | null = null

  constructor(private readonly accounts: MemoryAccountStore) {}

  async createSetupToken(): Promise<string> {
    const token = createSecretToken()
    this.secretHash = hashSecretToken(token)
    return token
  }

  async completeSetup(token: string, account: FirstAccount): Promise<Account | null> {
    if (this.accounts.count() > 0 || this.secretHash === null || this.secretHash !== hashSecretToken(token)) {
      return null
    }
    const created = this.accounts.insert({ ...account, role: 'co-chair', isAdmin: true })
    this.secretHash = null
    return created
  }
}
