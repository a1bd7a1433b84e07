import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account } from '../../server/auth/Account.ts'
import type { AccountStore } from '../../server/auth/AccountStore.ts'
import type { SessionStore } from '../../server/auth/SessionStore.ts'
import { newAccount } from './AccountStoreContract.ts'

export type SessionStoreFactory = () => Promise<{
  store: SessionStore
  accounts: AccountStore
  destroy(): Promise<void>
}>

const hour = 3_600_000

/** Every SessionStore implementation must pass this suite. */
export function describeSessionStoreContract(name: string, factory: SessionStoreFactory): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore
    let accounts: AccountStore
    let destroy: () => Promise<void>
    let account: Account
    const now = new Date()

    beforeEach(async () => {
      ;({ store, accounts, destroy } = await factory())
      account = await accounts.createAccount(newAccount('aysel'))
    })
    afterEach(async () => destroy())

    it('finds a live browser session by its secret and by id, with its account', async () => {
      const { session, token } = await store.createSession({
        userId: account.id,
        kind: 'browser',
        expiresAt: new Date(now.getTime() + hour),
      })
      expect(session).toMatchObject({ userId: account.id, kind: 'browser', documentName: null, label: null })
      expect(await store.findSession(token, now)).toEqual({ session, account })
      expect(await store.findSessionById(session.id, now)).toEqual({ session, account })
      expect(await store.findSession(`${token}x`, now)).toBeNull()
      expect(await store.findSessionById(session.id + 1000, now)).toBeNull()
    })

    it('keeps a personal access token limited to one document, or to none', async () => {
      const limited = await store.createSession({
        userId: account.id,
        kind: 'token',
        expiresAt: new Date(now.getTime() + hour),
        documentName: 'charter',
        label: 'export script',
      })
      const unlimited = await store.createSession({
        userId: account.id,
        kind: 'token',
        expiresAt: new Date(now.getTime() + hour),
      })
      expect((await store.findSession(limited.token, now))?.session).toMatchObject({
        kind: 'token',
        documentName: 'charter',
        label: 'export script',
      })
      expect((await store.findSession(unlimited.token, now))?.session.documentName).toBeNull()
    })

    it('ends a session at its expiry', async () => {
      const expiresAt = new Date(now.getTime() + hour)
      const { session, token } = await store.createSession({ userId: account.id, kind: 'browser', expiresAt })
      expect(await store.findSession(token, new Date(expiresAt.getTime() - 1))).not.toBeNull()
      expect(await store.findSession(token, expiresAt)).toBeNull()
      expect(await store.findSessionById(session.id, new Date(expiresAt.getTime() + 1))).toBeNull()
    })

    it('ends a revoked session, and revoking twice is harmless', async () => {
      const { session, token } = await store.createSession({
        userId: account.id,
        kind: 'browser',
        expiresAt: new Date(now.getTime() + hour),
      })
      await store.revokeSession(session.id)
      await store.revokeSession(session.id)
      expect(await store.findSession(token, now)).toBeNull()
      expect(await store.findSessionById(session.id, now)).toBeNull()
    })

    it("revokes every live session of one account and counts them, leaving others' alone", async () => {
      const other = await accounts.createAccount(newAccount('margaret'))
      const expiresAt = new Date(now.getTime() + hour)
      const first = await store.createSession({ userId: account.id, kind: 'browser', expiresAt })
      await store.createSession({ userId: account.id, kind: 'token', expiresAt })
      const alreadyRevoked = await store.createSession({ userId: account.id, kind: 'browser', expiresAt })
      await store.revokeSession(alreadyRevoked.session.id)
      const others = await store.createSession({ userId: other.id, kind: 'browser', expiresAt })
      expect(await store.revokeSessionsOf(account.id)).toBe(2)
      expect(await store.findSession(first.token, now)).toBeNull()
      expect(await store.findSession(others.token, now)).not.toBeNull()
      expect(await store.revokeSessionsOf(account.id)).toBe(0)
    })

    it('does not resolve a session of a disabled account, and does again once re-enabled', async () => {
      const { token } = await store.createSession({
        userId: account.id,
        kind: 'browser',
        expiresAt: new Date(now.getTime() + hour),
      })
      await accounts.updateAccount(account.id, { disabled: true })
      expect(await store.findSession(token, now)).toBeNull()
      await accounts.updateAccount(account.id, { disabled: false })
      expect(await store.findSession(token, now)).not.toBeNull()
    })

    it('issues a different secret for every session', async () => {
      const expiresAt = new Date(now.getTime() + hour)
      const tokens = new Set<string>()
      for (let index = 0; index < 5; index += 1) {
        tokens.add((await store.createSession({ userId: account.id, kind: 'browser', expiresAt })).token)
      }
      expect(tokens.size).toBe(5)
    })
  })
}
