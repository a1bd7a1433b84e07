import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClauseEventStore } from '../../server/negotiation/ClauseEventStore.ts'
import { genesisHash, verifyClauseEvents } from '../../server/negotiation/clauseEventChain.ts'
import type { ClauseEventDraft } from '../../shared/negotiation/clauseStatus.ts'

export type ClauseEventStoreFactory = () => Promise<{
  store: ClauseEventStore
  destroy(): Promise<void>
  /** Raw SQL against the backend's database, to tamper with stored events; absent for memory. */
  execute?(sql: string): Promise<void>
}>

export function clauseEventDraft(overrides: Partial<ClauseEventDraft> = {}): ClauseEventDraft {
  return {
    clauseId: 'clause-1',
    action: 'request',
    from: 'open',
    to: 'agreedAdRef',
    accountId: 1,
    accountName: 'AZ co-chair',
    delegation: 'AZ',
    at: '2026-01-10T10:00:00.000Z',
    textHash: 'a'.repeat(64),
    reason: '',
    snapshotId: null,
    ...overrides,
  }
}

/** Every ClauseEventStore implementation must pass this suite. */
export function describeClauseEventStoreContract(name: string, factory: ClauseEventStoreFactory): void {
  describe(`ClauseEventStore contract: ${name}`, () => {
    let opened: Awaited<ReturnType<ClauseEventStoreFactory>>

    beforeEach(async () => {
      opened = await factory()
    })
    afterEach(async () => opened.destroy())

    it('links each event to the one before it, per document', async () => {
      const { store } = opened
      const first = await store.append('charter', clauseEventDraft())
      const second = await store.append(
        'charter',
        clauseEventDraft({ action: 'confirm', accountId: 2, delegation: 'US', accountName: 'US co-chair' }),
      )
      await store.append('other', clauseEventDraft({ clauseId: 'elsewhere' }))
      expect(first).toMatchObject({ seq: 1, previousHash: genesisHash, documentName: 'charter' })
      expect(second).toMatchObject({ seq: 2, previousHash: first.hash, delegation: 'US' })
      const events = await store.list('charter')
      expect(events).toEqual([first, second])
      expect(verifyClauseEvents(events)).toEqual({ valid: true, events: 2, brokenAt: null, reason: null })
      expect((await store.list('other')).map((event) => event.seq)).toEqual([1])
    })

    it('keeps one chain when appends arrive at once', async () => {
      const { store } = opened
      await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          store.append('charter', clauseEventDraft({ clauseId: `clause-${index}` })),
        ),
      )
      const events = await store.list('charter')
      expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1))
      expect(verifyClauseEvents(events).valid).toBe(true)
    })

    it('reads back exactly what was stored, including nulls and snapshot ids', async () => {
      const { store } = opened
      const stored = await store.append(
        'charter',
        clauseEventDraft({
          action: 'confirm',
          to: 'initialled',
          snapshotId: 7,
          reason: 'Initialled in Baku',
        }),
      )
      expect((await store.list('charter'))[0]).toEqual(stored)
    })

    it('a changed stored event breaks the chain where it was changed', async (context) => {
      const { store, execute } = opened
      if (!execute) return context.skip()
      for (let index = 0; index < 3; index++) await store.append('charter', clauseEventDraft())
      await execute("UPDATE clause_events SET reason = 'rewritten' WHERE document = 'charter' AND seq = 2")
      const verification = verifyClauseEvents(await store.list('charter'))
      expect(verification).toMatchObject({ valid: false, brokenAt: 2 })
    })

    it('a dropped stored event breaks the chain', async (context) => {
      const { store, execute } = opened
      if (!execute) return context.skip()
      for (let index = 0; index < 3; index++) await store.append('charter', clauseEventDraft())
      await execute("DELETE FROM clause_events WHERE document = 'charter' AND seq = 2")
      expect(verifyClauseEvents(await store.list('charter'))).toMatchObject({ valid: false, brokenAt: 3 })
    })
  })
}
