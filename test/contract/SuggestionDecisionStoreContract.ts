import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SuggestionDecisionStore } from '../../server/suggestions/SuggestionDecisionStore.ts'
import type { SuggestionDecision, SuggestionRequest } from '../../shared/suggestions/index.ts'

export type SuggestionDecisionStoreFactory = () => Promise<{
  store: SuggestionDecisionStore
  destroy(): Promise<void>
}>

function decision(overrides: Partial<SuggestionDecision> = {}): SuggestionDecision {
  return {
    documentName: 'charter',
    suggestionId: '00000000-0000-4000-8000-000000000001',
    kind: 'replacement',
    decision: 'accepted',
    author: { accountId: '1', name: 'Aysel (AZ drafter)', delegation: 'AZ' },
    suggestedAt: '2026-01-10T10:00:00.000Z',
    insertedText: 'shall',
    deletedText: 'should',
    decidedBy: { accountId: 2, name: 'Mary (US co-chair)', delegation: 'US' },
    decidedAt: '2026-01-10T11:00:00.000Z',
    requestedBy: null,
    requestedAt: null,
    ...overrides,
  }
}

function request(overrides: Partial<SuggestionRequest> = {}): SuggestionRequest {
  return {
    documentName: 'charter',
    suggestionId: '00000000-0000-4000-8000-000000000001',
    decision: 'accepted',
    requestedBy: { accountId: 3, name: 'Elnur (AZ co-chair)', delegation: 'AZ' },
    requestedAt: '2026-01-10T10:30:00.000Z',
    ...overrides,
  }
}

/** Every SuggestionDecisionStore implementation must pass this suite. */
export function describeSuggestionDecisionStoreContract(
  name: string,
  factory: SuggestionDecisionStoreFactory,
): void {
  describe(`SuggestionDecisionStore contract: ${name}`, () => {
    let opened: Awaited<ReturnType<SuggestionDecisionStoreFactory>>

    beforeEach(async () => {
      opened = await factory()
    })
    afterEach(async () => opened.destroy())

    it('stores a decision and finds it again, with every field', async () => {
      expect(await opened.store.record(decision())).toBe(true)
      expect(await opened.store.find('charter', decision().suggestionId)).toEqual(decision())
      expect(await opened.store.find('other', decision().suggestionId)).toBeNull()
    })

    it('keeps the first decision on a suggestion, also when two arrive at once', async () => {
      const results = await Promise.all([
        opened.store.record(decision({ decision: 'accepted' })),
        opened.store.record(decision({ decision: 'rejected' })),
      ])
      expect(results.filter(Boolean)).toHaveLength(1)
      const stored = await opened.store.find('charter', decision().suggestionId)
      expect(stored?.decision).toBe(results[0] ? 'accepted' : 'rejected')
      expect(await opened.store.list('charter')).toHaveLength(1)
    })

    it('keeps one first key per suggestion, also when two arrive at once, until it is withdrawn', async () => {
      const results = await Promise.all([
        opened.store.request(request({ decision: 'accepted' })),
        opened.store.request(
          request({ decision: 'rejected', requestedBy: { ...request().requestedBy, delegation: 'US' } }),
        ),
      ])
      expect(results.filter(Boolean)).toHaveLength(1)
      const waiting = await opened.store.findRequest('charter', request().suggestionId)
      expect(waiting?.decision).toBe(results[0] ? 'accepted' : 'rejected')
      expect(await opened.store.requests('charter')).toEqual([waiting])
      expect(await opened.store.requests('other')).toEqual([])
      expect(await opened.store.withdrawRequest('charter', request().suggestionId)).toBe(true)
      expect(await opened.store.withdrawRequest('charter', request().suggestionId)).toBe(false)
      expect(await opened.store.findRequest('charter', request().suggestionId)).toBeNull()
      expect(await opened.store.request(request())).toBe(true)
      expect(await opened.store.findRequest('charter', request().suggestionId)).toEqual(request())
    })

    it('a decision naming both keys is stored whole and takes the waiting first key with it', async () => {
      await opened.store.request(request())
      const twoKeys = decision({ requestedBy: request().requestedBy, requestedAt: request().requestedAt })
      expect(await opened.store.record(twoKeys)).toBe(true)
      expect(await opened.store.find('charter', twoKeys.suggestionId)).toEqual(twoKeys)
      expect(await opened.store.requests('charter')).toEqual([])
    })

    it("lists a document's decisions oldest first", async () => {
      const ids = ['00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002']
      for (const suggestionId of ids) await opened.store.record(decision({ suggestionId }))
      await opened.store.record(decision({ documentName: 'other' }))
      expect((await opened.store.list('charter')).map((entry) => entry.suggestionId)).toEqual(ids)
    })
  })
}
