import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from '../../server/persistence/DocumentStore.ts'

export interface StoreFactory {
  /** A fresh, empty store. */
  create(): Promise<DocumentStore>
  /** The same underlying storage opened again (a restart); omit for stores without durable storage. */
  reopen?(store: DocumentStore): Promise<DocumentStore>
  /**
   * Bytes this store fails on, inside its write, when they are appended or compacted: for SQLite a trigger
   * that aborts the INSERT, for memory a buffer that cannot be copied. Tests put them after good updates.
   */
  poison(store: DocumentStore): Promise<Uint8Array>
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

    it('assigns distinct, increasing sequence numbers to concurrent appends, in call order', async () => {
      const ydoc = new Y.Doc()
      const updates = Array.from({ length: 20 }, (_, index) => textUpdate(ydoc, `${index};`))
      const seqs = await Promise.all(updates.map((update) => store.append('doc-a', [update])))
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
      expect(new Set(seqs).size).toBe(seqs.length)
      const loaded = await store.load('doc-a')
      expect(loaded.lastSeq).toBe(seqs.at(-1))
      expect(replay(loaded.updates)).toBe(ydoc.getText('text').toString())
    })

    it('stores nothing of an append that fails part-way, and goes on appending after it', async () => {
      const ydoc = new Y.Doc()
      const kept = await store.append('doc-a', [textUpdate(ydoc, 'kept')])
      const poison = await factory.poison(store)
      const lost = new Y.Doc()
      Y.applyUpdate(lost, Y.encodeStateAsUpdate(ydoc))
      await expect(
        store.append('doc-a', [textUpdate(lost, ' first'), poison, textUpdate(lost, ' second')]),
      ).rejects.toThrow()
      expect(await store.load('doc-a')).toMatchObject({ lastSeq: kept })
      expect((await store.load('doc-a')).updates).toHaveLength(1)
      expect(await store.list()).toEqual(['doc-a'])

      // A failed first append of a new document leaves no trace of it either.
      await expect(store.append('doc-new', [textUpdate(new Y.Doc(), 'x'), poison])).rejects.toThrow()
      expect(await store.list()).toEqual(['doc-a'])

      const next = await store.append('doc-a', [textUpdate(ydoc, ' again')])
      expect(next).toBeGreaterThan(kept)
      expect(replay((await store.load('doc-a')).updates)).toBe('kept again')
    })

    it('leaves the log as it was when a compaction fails', async () => {
      const ydoc = new Y.Doc()
      await store.append('doc-a', [textUpdate(ydoc, 'one ')])
      const through = await store.append('doc-a', [textUpdate(ydoc, 'two ')])
      await store.append('doc-a', [textUpdate(ydoc, 'three')])
      const before = await store.load('doc-a')
      await expect(store.compact('doc-a', await factory.poison(store), through)).rejects.toThrow()
      const after = await store.load('doc-a')
      expect(after.lastSeq).toBe(before.lastSeq)
      expect(after.updates.map((update) => Buffer.from(update).toString('hex'))).toEqual(
        before.updates.map((update) => Buffer.from(update).toString('hex')),
      )
      expect(replay(after.updates)).toBe('one two three')
    })

    it('loses nothing when a stale compaction (an older throughSeq) runs after a newer one', async () => {
      const ydoc = new Y.Doc()
      const older = await store.append('doc-a', [textUpdate(ydoc, 'one ')])
      const olderState = Y.encodeStateAsUpdate(ydoc)
      const newer = await store.append('doc-a', [textUpdate(ydoc, 'two ')])
      await store.compact('doc-a', Y.encodeStateAsUpdate(ydoc), newer)
      await store.append('doc-a', [textUpdate(ydoc, 'three')])
      await store.compact('doc-a', olderState, older)
      const loaded = await store.load('doc-a')
      expect(replay(loaded.updates)).toBe('one two three')
      expect(await store.append('doc-a', [textUpdate(ydoc, '!')])).toBeGreaterThan(loaded.lastSeq)
      expect(replay((await store.load('doc-a')).updates)).toBe('one two three!')
    })

    it('keeps appends that interleave with a compaction', async () => {
      const ydoc = new Y.Doc()
      await store.append('doc-a', [textUpdate(ydoc, 'a')])
      const through = await store.append('doc-a', [textUpdate(ydoc, 'b')])
      const state = Y.encodeStateAsUpdate(ydoc)
      const later = [textUpdate(ydoc, 'c'), textUpdate(ydoc, 'd'), textUpdate(ydoc, 'e')]
      const [first, , second, third] = await Promise.all([
        store.append('doc-a', [later[0]!]),
        store.compact('doc-a', state, through),
        store.append('doc-a', [later[1]!]),
        store.append('doc-a', [later[2]!]),
      ])
      expect(first).toBeGreaterThan(through)
      expect(second).toBeGreaterThan(first as number)
      expect(third).toBeGreaterThan(second as number)
      const loaded = await store.load('doc-a')
      expect(loaded.lastSeq).toBe(third)
      expect(replay(loaded.updates)).toBe('abcde')
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

      it('has nothing of a failed append or compaction after a reopen', async () => {
        const ydoc = new Y.Doc()
        const through = await store.append('doc-a', [textUpdate(ydoc, 'durable')])
        const poison = await factory.poison(store)
        await expect(store.append('doc-a', [textUpdate(ydoc, ' lost'), poison])).rejects.toThrow()
        await expect(store.compact('doc-a', poison, through)).rejects.toThrow()
        store = await reopen(store)
        const loaded = await store.load('doc-a')
        expect(loaded.lastSeq).toBe(through)
        expect(replay(loaded.updates)).toBe('durable')
      })
    }
  })
}
