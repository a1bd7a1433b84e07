import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from '../../server/persistence/DocumentStore.ts'

export interface StoreFactory {
  /** A fresh, empty store. */
  create(): Promise<DocumentStore>
  /** The same underlying storage opened again (a restart); omit for stores without durable storage. */
  reopen?(store: DocumentStore): Promise<DocumentStore>
}

function textUpdate(ydoc: Y.Doc, insert: string): Uint8Array {
  const before = Y.encodeStateVector(ydoc)
  ydoc.getText('text').insert(ydoc.getText('text').length, insert)
  return Y.encodeStateAsUpdate(ydoc, before)
}

function replay(updates: Uint8Array[]): string {
  const ydoc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(ydoc, update)
  return ydoc.getText('text').toString()
}

/** Every DocumentStore implementation must pass this suite. */
export function describeDocumentStoreContract(name: string, factory: StoreFactory): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore

    beforeEach(async () => {
      store = await factory.create()
    })

    afterEach(async () => {
      await store.destroy()
    })

    it('loads an unknown document as empty', async () => {
      expect(await store.load('never-stored')).toEqual({ updates: [], lastSeq: 0 })
    })

    it('returns appended updates in order with increasing sequence numbers', async () => {
      const ydoc = new Y.Doc()
      const first = await store.append('doc-a', [textUpdate(ydoc, 'Hello')])
      const second = await store.append('doc-a', [textUpdate(ydoc, ', '), textUpdate(ydoc, 'world')])
      expect(second).toBeGreaterThan(first)
      const loaded = await store.load('doc-a')
      expect(loaded.updates).toHaveLength(3)
      expect(loaded.lastSeq).toBe(second)
      expect(replay(loaded.updates)).toBe('Hello, world')
    })

    it('keeps documents apart', async () => {
      await store.append('doc-a', [textUpdate(new Y.Doc(), 'A')])
      await store.append('doc-b', [textUpdate(new Y.Doc(), 'B')])
      expect(replay((await store.load('doc-a')).updates)).toBe('A')
      expect(replay((await store.load('doc-b')).updates)).toBe('B')
      expect(await store.list()).toEqual(['doc-a', 'doc-b'])
    })

    it('compacts up to a sequence number and keeps later updates', async () => {
      const ydoc = new Y.Doc()
      await store.append('doc-a', [textUpdate(ydoc, 'one ')])
      const through = await store.append('doc-a', [textUpdate(ydoc, 'two ')])
      const state = Y.encodeStateAsUpdate(ydoc)
      await store.append('doc-a', [textUpdate(ydoc, 'three')])
      await store.compact('doc-a', state, through)
      const loaded = await store.load('doc-a')
      expect(loaded.updates).toHaveLength(2)
      expect(replay(loaded.updates)).toBe('one two three')
      const next = await store.append('doc-a', [textUpdate(ydoc, '!')])
      expect(next).toBeGreaterThan(through)
      expect(replay((await store.load('doc-a')).updates)).toBe('one two three!')
    })

    it('does not let callers mutate stored bytes', async () => {
      const update = textUpdate(new Y.Doc(), 'safe')
      await store.append('doc-a', [update])
      update.fill(0)
      const loaded = await store.load('doc-a')
      loaded.updates[0]?.fill(0)
      expect(replay((await store.load('doc-a')).updates)).toBe('safe')
    })

    it('deletes a document', async () => {
      await store.append('doc-a', [textUpdate(new Y.Doc(), 'gone')])
      await store.delete('doc-a')
      expect(await store.load('doc-a')).toEqual({ updates: [], lastSeq: 0 })
      expect(await store.list()).toEqual([])
    })

    if (factory.reopen) {
      const reopen = factory.reopen
      it('keeps appended and compacted updates across a reopen', async () => {
        const ydoc = new Y.Doc()
        const through = await store.append('doc-a', [textUpdate(ydoc, 'durable ')])
        await store.compact('doc-a', Y.encodeStateAsUpdate(ydoc), through)
        await store.append('doc-a', [textUpdate(ydoc, 'text')])
        store = await reopen(store)
        expect(replay((await store.load('doc-a')).updates)).toBe('durable text')
      })
    }
  })
}
