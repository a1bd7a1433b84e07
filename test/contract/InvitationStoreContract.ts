import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account } from '../../server/auth/Account.ts'
import type { AccountStore } from '../../server/auth/AccountStore.ts'
import type { InvitationStore, NewInvitation } from '../../server/auth/InvitationStore.ts'
import { LoginTakenError } from '../../server/auth/LoginTakenError.ts'
import { newAccount } from './AccountStoreContract.ts'

export type InvitationStoreFactory = () => Promise<{
  store: InvitationStore
  accounts: AccountStore
  destroy(): Promise<void>
}>

/** Every InvitationStore implementation must pass this suite. */
export function describeInvitationStoreContract(name: string, factory: InvitationStoreFactory): void {
  describe(`InvitationStore contract: ${name}`, () => {
    let store: InvitationStore
    let accounts: AccountStore
    let destroy: () => Promise<void>
    let inviter: Account
    const now = new Date()
    const later = new Date(now.getTime() + 3_600_000)

    function invitation(overrides: Partial<NewInvitation> = {}): NewInvitation {
      return {
        delegation: 'US',
        role: 'reviewer',
        name: 'Sarah Whitman',
        createdBy: inviter.id,
        expiresAt: later.toISOString(),
        ...overrides,
      }
    }

    beforeEach(async () => {
      ;({ store, accounts, destroy } = await factory())
      inviter = await accounts.createAccount(newAccount('aysel', { role: 'co-chair', isAdmin: true }))
    })
    afterEach(async () => destroy())

    it('finds an open invitation by its secret and lists invitations newest first', async () => {
      const first = await store.createInvitation(invitation())
      const second = await store.createInvitation(invitation({ role: 'drafter', name: null }))
      expect(first.invitation).toMatchObject({ delegation: 'US', role: 'reviewer', usedAt: null })
      expect(await store.findInvitation(first.token, now)).toEqual(first.invitation)
      expect(await store.findInvitation(`${first.token}x`, now)).toBeNull()
      expect((await store.listInvitations()).map((item) => item.id)).toEqual([
        second.invitation.id,
        first.invitation.id,
      ])
    })

    it("creates the account with the invitation's delegation and role, never admin", async () => {
      const { token } = await store.createInvitation(invitation())
      const account = await store.acceptInvitation(token, now, {
        login: 'sarah',
        name: 'Sarah W.',
        passwordHash: 'scrypt$x',
      })
      expect(account).toMatchObject({ login: 'sarah', delegation: 'US', role: 'reviewer', isAdmin: false })
      expect(await accounts.findAccountByLogin('sarah')).toEqual(account)
      expect(await accounts.passwordHashOf(account!.id)).toBe('scrypt$x')
      expect(await store.findInvitation(token, now)).toBeNull()
      expect((await store.listInvitations())[0]?.usedAt).not.toBeNull()
    })

    it('refuses an invitation used twice, creating nothing the second time', async () => {
      const { token } = await store.createInvitation(invitation())
      expect(
        await store.acceptInvitation(token, now, { login: 'one', name: 'One', passwordHash: null }),
      ).not.toBeNull()
      expect(
        await store.acceptInvitation(token, now, { login: 'two', name: 'Two', passwordHash: null }),
      ).toBeNull()
      expect(await accounts.findAccountByLogin('two')).toBeNull()
    })

    it('refuses an expired invitation', async () => {
      const { token } = await store.createInvitation(invitation())
      expect(await store.findInvitation(token, later)).toBeNull()
      expect(
        await store.acceptInvitation(token, later, { login: 'late', name: 'Late', passwordHash: null }),
      ).toBeNull()
      expect(await accounts.countAccounts()).toBe(1)
    })

    it('lets exactly one of concurrent acceptances create an account', async () => {
      const { token } = await store.createInvitation(invitation())
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          store.acceptInvitation(token, now, { login: `racer${index}`, name: 'Racer', passwordHash: null }),
        ),
      )
      expect(results.filter((result) => result !== null)).toHaveLength(1)
      expect(await accounts.countAccounts()).toBe(2)
    })

    it('leaves the invitation unused when the login is taken', async () => {
      const { token } = await store.createInvitation(invitation())
      await expect(
        store.acceptInvitation(token, now, { login: 'AYSEL', name: 'Imposter', passwordHash: null }),
      ).rejects.toBeInstanceOf(LoginTakenError)
      expect(await store.findInvitation(token, now)).not.toBeNull()
      expect(
        await store.acceptInvitation(token, now, { login: 'sarah', name: 'Sarah', passwordHash: null }),
      ).not.toBeNull()
    })
  })
}
