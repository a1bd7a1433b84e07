import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { batchCacheStores } from './batchCacheStores.ts'

/** The two members of y-indexeddb's persistence the batching replaces, recording what it would store. */
function cacheOf(doc: Y.Doc) {
  const stored: { update: Uint8Array; origin: unknown }[] = []
  const cache = {
    doc,
    _storeUpdate: (update: Uint8Array, origin: unknown) => {
      if (origin !== cache) stored.push({ update, origin })
    },
  }
  doc.on('update', cache._storeUpdate)
  return { cache, stored }
}

describe('batchCacheStores', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('stores collaborators’ updates as one, the user’s after the frame and after them', () => {
    const doc = new Y.Doc()
    const provider = { name: 'provider' }
    const { cache, stored } = cacheOf(doc)
    batchCacheStores(cache, provider)
    const remote = new Y.Doc()
    remote.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, provider))
    for (const word of ['one ', 'two ', 'three ']) remote.getText('t').insert(0, word)
    expect(stored).toEqual([])
    vi.advanceTimersByTime(300)
    expect(stored).toHaveLength(1)

    remote.getText('t').insert(0, 'four ')
    doc.getText('t').insert(doc.getText('t').length, 'mine')
    doc.getText('t').insert(doc.getText('t').length, '!')
    // The user's own edits go just after the frame that shows them (here, the next task), with what waited.
    expect(stored).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(stored).toHaveLength(2)

    const copy = new Y.Doc()
    for (const { update } of stored) Y.applyUpdate(copy, update)
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString())
    expect(copy.getText('t').toString()).toBe('four three two one mine!')
  })

  it('ignores the cache’s own loads, flushes on demand, and is what destroy() unsubscribes', () => {
    const doc = new Y.Doc()
    const provider = {}
    const { cache, stored } = cacheOf(doc)
    const flush = batchCacheStores(cache, provider)
    const other = new Y.Doc()
    other.getText('t').insert(0, 'loaded')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), cache)
    other.getText('t').insert(0, 'x')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider)
    flush()
    expect(stored).toHaveLength(1)
    doc.off('update', cache._storeUpdate)
    doc.getText('t').insert(0, 'after')
    expect(stored).toHaveLength(1)
  })
})
