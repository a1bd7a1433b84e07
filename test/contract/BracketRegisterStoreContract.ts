import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BracketRegisterStore } from '../../server/negotiation/BracketRegisterStore.ts'
import type { BracketRecord } from '../../shared/negotiation/index.ts'

export type BracketRegisterStoreFactory = () => Promise<{
  store: BracketRegisterStore
  destroy(): Promise<void>
}>

function record(documentName: string, id: string, overrides: Partial<BracketRecord> = {}): BracketRecord {
  return {
    id,
    documentName,
    kind: 'inline',
    openedBy: { accountId: 1, name: 'Aysel Karimova', delegation: 'AZ' },
    openedAt: '2026-02-08T10:00:00.000Z',
    area: 'investment',
    clauseId: 'clause-1',
    alternatives: [
      {
        id: `${id}-a1`,
        proposedBy: 'AZ',
        authorId: 1,
        authorName: 'Aysel Karimova',
        text: 'shall',
        addedAt: '2026-02-08T10:00:00.000Z',
        removedAt: null,
      },
    ],
    threadIds: [],
    state: 'open',
    cleaning: null,
    closedAt: null,
    updatedAt: '2026-02-08T10:00:00.000Z',
    ...overrides,
  }
}

/** Every BracketRegisterStore implementation must pass this suite. */
export function describeBracketRegisterStoreContract(
  name: string,
  factory: BracketRegisterStoreFactory,
): void {
  describe(`BracketRegisterStore contract: ${name}`, () => {
    let store: BracketRegisterStore
    let destroy: () => Promise<void>

    beforeEach(async () => {
      ;({ store, destroy } = await factory())
    })
    afterEach(async () => destroy())

    it('keeps whole records, each under its document and id', async () => {
      const first = record('charter', 'b1')
      await store.save([first, record('other', 'b1', { kind: 'block', area: null, clauseId: null })])
      expect(await store.find('charter', 'b1')).toEqual(first)
      expect((await store.find('other', 'b1'))?.kind).toBe('block')
      expect(await store.find('charter', 'missing')).toBeNull()
      expect(await store.list('nothing')).toEqual([])
    })

    it('replaces a record in place: list keeps the order brackets were first recorded', async () => {
      await store.save([record('charter', 'b1'), record('charter', 'b2')])
      await store.save([record('charter', 'b3')])
      const cleaned = record('charter', 'b1', {
        state: 'cleaned',
        closedAt: '2026-02-09T10:00:00.000Z',
        threadIds: [4, 7],
        cleaning: {
          status: 'confirmed',
          requestedBy: { accountId: 2, name: 'Kamran', delegation: 'AZ' },
          requestedAt: '2026-02-09T09:00:00.000Z',
          choice: 'b1-a1',
          choiceText: 'shall',
          answeredBy: { accountId: 3, name: 'Jane', delegation: 'US' },
          answeredAt: '2026-02-09T10:00:00.000Z',
        },
      })
      await store.save([cleaned])
      const listed = await store.list('charter')
      expect(listed.map((entry) => entry.id)).toEqual(['b1', 'b2', 'b3'])
      expect(listed[0]).toEqual(cleaned)
    })

    it('returns copies: changing what it returned changes nothing stored', async () => {
      await store.save([record('charter', 'b1')])
      const found = (await store.find('charter', 'b1'))!
      found.alternatives[0]!.text = 'changed'
      found.threadIds.push(99)
      expect(await store.find('charter', 'b1')).toEqual(record('charter', 'b1'))
    })
  })
}
