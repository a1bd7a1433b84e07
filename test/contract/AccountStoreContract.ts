import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountStore, NewAccount } from '../../server/auth/AccountStore.ts'
import { LoginTakenError } from '../../server/auth/LoginTakenError.ts'

export type AccountStoreFactory = () => Promise<{ store: AccountStore; destroy(): Promise<void> }>

export function newAccount(login: string, overrides: Partial<NewAccount> = {}): NewAccount {
  return {
    login,
    name: `Name of ${login}`,
    delegation: 'AZ',
    role: 'drafter',
    isAdmin: false,
    passwordHash: null,
    ...overrides,
  }
}

/** Every AccountStore implementation must pass this suite. */
export function describeAccountStoreContract(name: string, factory: AccountStoreFactory): void {
  describe(`AccountStore contract: ${name}`, () => {
    let store: AccountStore
    let destroy: () => Promise<void>

    beforeEach(async () => {
      ;({ store, destroy } = await factory())
    })
    afterEach(async () => destroy())

    it('creates an account that can be found by id and by login in any case', async () => {
      expect(await store.countAccounts()).toBe(0)
      const created = await store.createAccount(newAccount('Aysel', { role: 'co-chair', isAdmin: true }))
      expect(created).toMatchObject({ login: 'Aysel', role: 'co-chair', isAdmin: true, disabled: false })
      expect(Date.parse(created.createdAt)).not.toBeNaN()
      expect(await store.findAccountById(created.id)).toEqual(created)
      expect(await store.findAccountByLogin('aysel')).toEqual(created)
      expect(await store.findAccountByLogin('nobody')).toBeNull()
      expect(await store.findAccountById(created.id + 1000)).toBeNull()
      expect(await store.countAccounts()).toBe(1)
    })

    it('refuses a second account with the same login in another case', async () => {
      await store.createAccount(newAccount('daniel'))
      await expect(store.createAccount(newAccount('DANIEL'))).rejects.toBeInstanceOf(LoginTakenError)
      expect(await store.countAccounts()).toBe(1)
    })

    it('lists accounts by delegation, then name', async () => {
      await store.createAccount(newAccount('u2', { delegation: 'US', name: 'Brooks' }))
      await store.createAccount(newAccount('a2', { delegation: 'AZ', name: 'Mammadova' }))
      await store.createAccount(newAccount('u1', { delegation: 'US', name: 'Atwood' }))
      await store.createAccount(newAccount('a1', { delegation: 'AZ', name: 'Aliyev' }))
      expect((await store.listAccounts()).map((account) => account.login)).toEqual(['a1', 'a2', 'u1', 'u2'])
    })

    it('updates role, admin flag, disabled flag and name, and nothing else', async () => {
      const created = await store.createAccount(newAccount('kevin'))
      const updated = await store.updateAccount(created.id, {
        role: 'observer',
        disabled: true,
        name: 'Kevin',
      })
      expect(updated).toEqual({ ...created, role: 'observer', disabled: true, name: 'Kevin' })
      expect(await store.findAccountById(created.id)).toEqual(updated)
      expect(await store.updateAccount(created.id + 1000, { role: 'observer' })).toBeNull()
    })

    it('keeps the password hash apart from the account view', async () => {
      const created = await store.createAccount(newAccount('sarah', { passwordHash: 'scrypt$one' }))
      expect(created).not.toHaveProperty('passwordHash')
      expect(await store.passwordHashOf(created.id)).toBe('scrypt$one')
      await store.setPasswordHash(created.id, 'scrypt$two')
      expect(await store.passwordHashOf(created.id)).toBe('scrypt$two')
      expect(await store.passwordHashOf(created.id + 1000)).toBeNull()
    })

    it('keeps each person’s interface language, unset until chosen', async () => {
      const aysel = await store.createAccount(newAccount('aysel'))
      const john = await store.createAccount(newAccount('john', { delegation: 'US' }))
      expect(await store.languageOf(aysel.id)).toBeNull()
      await store.setLanguage(aysel.id, 'az')
      await store.setLanguage(john.id, 'en')
      expect(await store.languageOf(aysel.id)).toBe('az')
      expect(await store.languageOf(john.id)).toBe('en')
      await store.setLanguage(aysel.id, 'en')
      expect(await store.languageOf(aysel.id)).toBe('en')
      expect(await store.languageOf(john.id + 1000)).toBeNull()
      expect(await store.findAccountById(aysel.id)).toEqual(aysel)
    })

    it('returns copies: changing a returned account changes nothing stored', async () => {
      const created = await store.createAccount(newAccount('tural'))
      created.role = 'co-chair'
      const found = await store.findAccountById(created.id)
      if (found) found.isAdmin = true
      expect(await store.findAccountById(created.id)).toMatchObject({ role: 'drafter', isAdmin: false })
    })
  })
}
