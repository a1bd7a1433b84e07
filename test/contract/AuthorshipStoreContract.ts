import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuthorshipStore, ClientAuthor } from '../../server/suggestions/AuthorshipStore.ts'

export type AuthorshipStoreFactory = () => Promise<{ store: AuthorshipStore; destroy(): Promise<void> }>

function author(clientId: number, accountId: string): ClientAuthor {
  return {
    clientId,
    accountId,
    name: `Account ${accountId}`,
    delegation: accountId === '1' ? 'AZ' : 'US',
    firstSeen: '2026-01-10T10:00:00.000Z',
  }
}

/** Every AuthorshipStore implementation must pass this suite. */
export function describeAuthorshipStoreContract(name: string, factory: AuthorshipStoreFactory): void {
  describe(`AuthorshipStore contract: ${name}`, () => {
    let opened: Awaited<ReturnType<AuthorshipStoreFactory>>

    beforeEach(async () => {
      opened = await factory()
    })
    afterEach(async () => opened.destroy())

    it('records the author of each client id, per document', async () => {
      // Yjs client ids are 53-bit numbers: beyond 32 bits they must survive the round trip.
      const big = 2 ** 52 + 7
      expect(await opened.store.record('charter', [author(big, '1'), author(5, '2')])).toEqual([
        author(big, '1'),
        author(5, '2'),
      ])
      expect(await opened.store.list('charter')).toEqual([author(5, '2'), author(big, '1')])
      expect(await opened.store.list('other')).toEqual([])
    })

    it('lists recorded deletions per document in the order recorded', async () => {
      const deletion = (clock: number, accountId: string) => ({
        client: 2 ** 40 + 3,
        clock,
        length: 4,
        accountId,
        name: `Account ${accountId}`,
        delegation: 'US' as const,
        at: '2026-01-10T10:00:00.000Z',
      })
      await opened.store.recordDeletions('charter', [deletion(10, '2'), deletion(3, '1')])
      await opened.store.recordDeletions('charter', [deletion(1, '2')])
      await opened.store.recordDeletions('other', [deletion(5, '1')])
      expect(await opened.store.listDeletions('charter')).toEqual([
        deletion(10, '2'),
        deletion(3, '1'),
        deletion(1, '2'),
      ])
    })

    it('keeps the first author of a client id, also when two claim it at once', async () => {
      const results = await Promise.all([
        opened.store.record('charter', [author(9, '1')]),
        opened.store.record('charter', [author(9, '2')]),
      ])
      const owner = results[0]?.[0]?.accountId
      expect(results[1]?.[0]?.accountId).toBe(owner)
      expect(await opened.store.record('charter', [author(9, owner === '1' ? '2' : '1')])).toEqual([
        author(9, owner ?? ''),
      ])
    })
  })
}
