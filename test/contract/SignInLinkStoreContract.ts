import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountStore } from '../../server/auth/AccountStore.ts'
import type { SignInLinkStore } from '../../server/auth/SignInLinkStore.ts'
import { newAccount } from './AccountStoreContract.ts'

export type SignInLinkStoreFactory = () => Promise<{
  store: SignInLinkStore
  accounts: AccountStore
  destroy(): Promise<void>
}>

/** Every SignInLinkStore implementation must pass this suite. */
export function describeSignInLinkStoreContract(name: string, factory: SignInLinkStoreFactory): void {
  describe(`SignInLinkStore contract: ${name}`, () => {
    let store: SignInLinkStore
    let destroy: () => Promise<void>
    let userId: number
    const now = new Date()
    const later = new Date(now.getTime() + 3_600_000)

    beforeEach(async () => {
      const opened = await factory()
      ;({ store, destroy } = opened)
      userId = (await opened.accounts.createAccount(newAccount('leyla'))).id
    })
    afterEach(async () => destroy())

    it('yields the account once; the same link used twice is refused', async () => {
      const token = await store.createSignInLink(userId, later)
      expect(await store.consumeSignInLink(token, now)).toBe(userId)
      expect(await store.consumeSignInLink(token, now)).toBeNull()
    })

    it('refuses an unknown link and an expired one', async () => {
      const token = await store.createSignInLink(userId, later)
      expect(await store.consumeSignInLink(`${token}x`, now)).toBeNull()
      expect(await store.consumeSignInLink(token, later)).toBeNull()
    })

    it('lets exactly one of many concurrent uses of a link succeed', async () => {
      const token = await store.createSignInLink(userId, later)
      const results = await Promise.all(Array.from({ length: 8 }, () => store.consumeSignInLink(token, now)))
      expect(results.filter((result) => result === userId)).toHaveLength(1)
      expect(results.filter((result) => result === null)).toHaveLength(7)
    })

    it('keeps links apart: using one leaves another usable', async () => {
      const first = await store.createSignInLink(userId, later)
      const second = await store.createSignInLink(userId, later)
      expect(first).not.toBe(second)
      await store.consumeSignInLink(first, now)
      expect(await store.consumeSignInLink(second, now)).toBe(userId)
    })
  })
}
