import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountStore } from '../../server/auth/AccountStore.ts'
import type { FirstAccount, SetupSecretStore } from '../../server/auth/SetupSecretStore.ts'
import { newAccount } from './AccountStoreContract.ts'

export type SetupSecretStoreFactory = () => Promise<{
  store: SetupSecretStore
  accounts: AccountStore
  destroy(): Promise<void>
}>

function firstAccount(login: string): FirstAccount {
  return { login, name: 'Aysel Karimova', delegation: 'AZ', passwordHash: 'scrypt$first' }
}

/** Every SetupSecretStore implementation must pass this suite. */
export function describeSetupSecretStoreContract(name: string, factory: SetupSecretStoreFactory): void {
  describe(`SetupSecretStore contract: ${name}`, () => {
    let store: SetupSecretStore
    let accounts: AccountStore
    let destroy: () => Promise<void>

    beforeEach(async () => {
      ;({ store, accounts, destroy } = await factory())
    })
    afterEach(async () => destroy())

    it('creates the first account as an admin co-chair with the right secret, once', async () => {
      const token = await store.createSetupToken()
      expect(await store.completeSetup(`${token}x`, firstAccount('wrong'))).toBeNull()
      const account = await store.completeSetup(token, firstAccount('aysel'))
      expect(account).toMatchObject({ login: 'aysel', role: 'co-chair', isAdmin: true, delegation: 'AZ' })
      expect(await accounts.passwordHashOf(account!.id)).toBe('scrypt$first')
      expect(await store.completeSetup(token, firstAccount('again'))).toBeNull()
      expect(await accounts.countAccounts()).toBe(1)
    })

    it('refuses before any secret was issued', async () => {
      expect(await store.completeSetup('', firstAccount('empty'))).toBeNull()
      expect(await accounts.countAccounts()).toBe(0)
    })

    it('forgets the previous secret when a new one is issued', async () => {
      const old = await store.createSetupToken()
      const current = await store.createSetupToken()
      expect(await store.completeSetup(old, firstAccount('old'))).toBeNull()
      expect(await store.completeSetup(current, firstAccount('current'))).not.toBeNull()
    })

    it('refuses once any account exists', async () => {
      const token = await store.createSetupToken()
      await accounts.createAccount(newAccount('existing'))
      expect(await store.completeSetup(token, firstAccount('late'))).toBeNull()
    })

    it('lets exactly one of concurrent setups succeed', async () => {
      const token = await store.createSetupToken()
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) => store.completeSetup(token, firstAccount(`racer${index}`))),
      )
      expect(results.filter((result) => result !== null)).toHaveLength(1)
      expect(await accounts.countAccounts()).toBe(1)
    })
  })
}
