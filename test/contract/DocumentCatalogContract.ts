import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccessRule, DocumentCatalog, DocumentRecord } from '../../server/documents/DocumentCatalog.ts'

export type DocumentCatalogFactory = () => Promise<{ store: DocumentCatalog; destroy(): Promise<void> }>

const everyone: AccessRule = { subject: { kind: 'everyone' }, maxRole: 'co-chair' }

function record(name: string, overrides: Partial<DocumentRecord> = {}): Omit<DocumentRecord, 'createdAt'> {
  return { name, title: `Title of ${name}`, position: 50, access: [everyone], ...overrides }
}

/** Every DocumentCatalog implementation must pass this suite. */
export function describeDocumentCatalogContract(name: string, factory: DocumentCatalogFactory): void {
  describe(`DocumentCatalog contract: ${name}`, () => {
    let store: DocumentCatalog
    let destroy: () => Promise<void>

    beforeEach(async () => {
      ;({ store, destroy } = await factory())
    })
    afterEach(async () => destroy())

    it('creates a document with its access rules and finds it by name', async () => {
      const access: AccessRule[] = [
        { subject: { kind: 'delegation', delegation: 'AZ' }, maxRole: 'co-chair' },
        { subject: { kind: 'user', userId: 7 }, maxRole: 'reviewer' },
        { subject: { kind: 'everyone' }, maxRole: 'observer' },
      ]
      const created = await store.ensure(record('az-notes', { access }))
      expect(created).toMatchObject({ name: 'az-notes', title: 'Title of az-notes', position: 50, access })
      expect(Date.parse(created.createdAt)).not.toBeNaN()
      expect(await store.find('az-notes')).toEqual(created)
      expect(await store.find('missing')).toBeNull()
    })

    it('leaves an existing document unchanged when ensured again', async () => {
      const created = await store.ensure(record('charter', { title: 'Original', position: 0 }))
      const again = await store.ensure(record('charter', { title: 'Changed', position: 9, access: [] }))
      expect(again).toEqual(created)
    })

    it('creates a document once under concurrent ensures', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, index) => store.ensure(record('charter', { title: `Title ${index}` }))),
      )
      expect(new Set(results.map((result) => result.title)).size).toBe(1)
      expect(await store.list()).toHaveLength(1)
      expect((await store.find('charter'))?.access).toEqual([everyone])
    })

    it('lists documents by position, then title', async () => {
      await store.ensure(record('b', { title: 'Beta', position: 10 }))
      await store.ensure(record('c', { title: 'Alpha', position: 10 }))
      await store.ensure(record('a', { title: 'Zulu', position: 0 }))
      expect((await store.list()).map((item) => item.name)).toEqual(['a', 'c', 'b'])
    })

    it('replaces the access rules, keeping their order', async () => {
      await store.ensure(record('charter'))
      const access: AccessRule[] = [
        { subject: { kind: 'user', userId: 3 }, maxRole: 'observer' },
        { subject: { kind: 'delegation', delegation: 'US' }, maxRole: 'drafter' },
      ]
      await store.setAccess('charter', access)
      expect((await store.find('charter'))?.access).toEqual(access)
      await store.setAccess('charter', [])
      expect((await store.find('charter'))?.access).toEqual([])
    })

    it('returns copies: changing a returned record changes nothing stored', async () => {
      const created = await store.ensure(record('charter'))
      created.access.push({ subject: { kind: 'user', userId: 1 }, maxRole: 'co-chair' })
      created.title = 'Mutated'
      expect(await store.find('charter')).toMatchObject({ title: 'Title of charter', access: [everyone] })
    })

    it('keeps a deadline per document, and none for a document that does not exist', async () => {
      await store.ensure({ name: 'charter', title: 'Title of charter', position: 0, access: [everyone] })
      expect(await store.deadlineOf('charter')).toBeNull()
      await store.setDeadline('charter', '2026-02-08')
      expect(await store.deadlineOf('charter')).toBe('2026-02-08')
      await store.setDeadline('charter', null)
      expect(await store.deadlineOf('charter')).toBeNull()
      await store.setDeadline('missing', '2026-02-08')
      expect(await store.deadlineOf('missing')).toBeNull()
    })

    it('keeps the suggestion policy per document, with the defaults for a document that does not exist', async () => {
      await store.ensure({ name: 'charter', title: 'Title of charter', position: 0, access: [everyone] })
      const none = { required: false, reviewersSuggest: false, twoKeys: false }
      const all = { required: true, reviewersSuggest: true, twoKeys: true }
      expect(await store.suggestionPolicyOf('charter')).toEqual(none)
      await store.setSuggestionPolicy('charter', all)
      expect(await store.suggestionPolicyOf('charter')).toEqual(all)
      await store.setSuggestionPolicy('charter', { required: false, reviewersSuggest: true, twoKeys: false })
      expect(await store.suggestionPolicyOf('charter')).toEqual({
        required: false,
        reviewersSuggest: true,
        twoKeys: false,
      })
      await store.setSuggestionPolicy('charter', { required: false, reviewersSuggest: false, twoKeys: true })
      expect(await store.suggestionPolicyOf('charter')).toEqual({ ...none, twoKeys: true })
      await store.setSuggestionPolicy('missing', all)
      expect(await store.suggestionPolicyOf('missing')).toEqual(none)
    })
  })
}
