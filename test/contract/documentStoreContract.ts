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
  /**
   * A second store over the same storage, as another instance opens it (its own connection or pool); omit for
   * stores whose storage is not shared. Destroyed by the test.
   */
  sibling?(store: DocumentStore): Promise<DocumentStore>
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

    it('numbers each document’s updates 1, 2, 3, … without gaps', async () => {
      const ydoc = new Y.Doc()
      expect(await store.append('doc-a', [textUpdate(ydoc, 'a')])).toBe(1)
      expect(await store.append('doc-b', [textUpdate(new Y.Doc(), 'b')])).toBe(1)
      expect(await store.append('doc-a', [textUpdate(ydoc, 'b'), textUpdate(ydoc, 'c')])).toBe(3)
      const poison = await factory.poison(store)
      await expect(store.append('doc-a', [textUpdate(ydoc, 'lost'), poison])).rejects.toThrow()
      // A failed append gives its numbers back.
      expect(await store.append('doc-a', [textUpdate(ydoc, 'd')])).toBe(4)
      expect((await store.readSince('doc-a', 0)).map((entry) => entry.seq)).toEqual([1, 2, 3, 4])
    })

    it('reads what follows a sequence number, and a compacted state whole when it covers that number', async () => {
      const ydoc = new Y.Doc()
      const updates = ['one ', 'two ', 'three ', 'four'].map((text) => textUpdate(ydoc, text))
      for (const update of updates) await store.append('doc-a', [update])
      const since2 = await store.readSince('doc-a', 2)
      expect(since2.map((entry) => entry.seq)).toEqual([3, 4])
      expect(since2.map((entry) => Buffer.from(entry.update).toString('hex'))).toEqual(
        updates.slice(2).map((update) => Buffer.from(update).toString('hex')),
      )
      expect(await store.readSince('doc-a', 4)).toEqual([])
      expect(await store.readSince('never-stored', 0)).toEqual([])

      const other = new Y.Doc()
      Y.applyUpdate(other, updates[0]!)
      Y.applyUpdate(other, updates[1]!)
      Y.applyUpdate(other, updates[2]!)
      await store.compact('doc-a', Y.encodeStateAsUpdate(other), 3)
      // An instance that had applied through 1 gets the compacted state (covering 1–3) and 4.
      const since1 = await store.readSince('doc-a', 1)
      expect(since1.map((entry) => entry.seq)).toEqual([3, 4])
      const caughtUp = new Y.Doc()
      Y.applyUpdate(caughtUp, updates[0]!)
      for (const entry of since1) Y.applyUpdate(caughtUp, entry.update)
      expect(caughtUp.getText('text').toString()).toBe('one two three four')
      expect((await store.readSince('doc-a', 3)).map((entry) => entry.seq)).toEqual([4])
    })

    it('seeds a new document once and leaves a stored one as it is', async () => {
      const first = textUpdate(new Y.Doc(), 'template A')
      const second = textUpdate(new Y.Doc(), 'template B')
      const seeded = await Promise.all([store.seed('doc-a', first), store.seed('doc-a', second)])
      for (const stored of seeded) {
        expect(stored.lastSeq).toBe(1)
        expect(stored.updates).toHaveLength(1)
      }
      const text = replay((await store.load('doc-a')).updates)
      expect(['template A', 'template B']).toContain(text)
      expect(replay(seeded[0]!.updates)).toBe(text)
      expect(replay(seeded[1]!.updates)).toBe(text)

      const ydoc = new Y.Doc()
      await store.append('doc-b', [textUpdate(ydoc, 'existing')])
      const kept = await store.seed('doc-b', textUpdate(new Y.Doc(), 'template'))
      expect(replay(kept.updates)).toBe('existing')
      expect(kept.lastSeq).toBe(1)
    })

    it('never loses an update the compacting state lacks', async () => {
      const ours = new Y.Doc()
      const theirs = new Y.Doc()
      await store.append('doc-a', [textUpdate(ours, 'ours ')])
      // Another instance appended this; the compacting instance never applied it.
      Y.applyUpdate(theirs, (await store.load('doc-a')).updates[0]!)
      await store.append('doc-a', [textUpdate(theirs, 'theirs ')])
      const through = await store.append('doc-a', [textUpdate(ours, 'more')])
      await store.compact('doc-a', Y.encodeStateAsUpdate(ours), through)
      const loaded = await store.load('doc-a')
      expect(loaded.updates).toHaveLength(1)
      expect(loaded.lastSeq).toBe(through)
      const text = replay(loaded.updates)
      expect(text).toContain('theirs')
      expect(text).toContain('more')
      // A sequence number beyond the log compacts what there is and no more.
      await store.compact('doc-a', Y.encodeStateAsUpdate(ours), through + 10)
      expect(await store.append('doc-a', [textUpdate(ours, '!')])).toBe(through + 1)
    })

    if (factory.sibling) {
      const sibling = factory.sibling
      describe('shared by two instances', () => {
        let other: DocumentStore
        beforeEach(async () => {
          other = await sibling(store)
        })
        afterEach(async () => {
          await other.destroy()
        })

        it('seeds a new document exactly once when both instances load it at once', async () => {
          for (let round = 0; round < 5; round++) {
            const name = `fresh-${round}`
            const seeded = await Promise.all([
              store.seed(name, textUpdate(new Y.Doc(), 'template')),
              other.seed(name, textUpdate(new Y.Doc(), 'template')),
            ])
            const stored = await store.load(name)
            expect(stored.updates).toHaveLength(1)
            expect(replay(stored.updates)).toBe('template')
            expect(seeded.map((document) => Buffer.from(document.updates[0]!).toString('hex'))).toEqual([
              Buffer.from(stored.updates[0]!).toString('hex'),
              Buffer.from(stored.updates[0]!).toString('hex'),
            ])
          }
        })

        it('interleaves appends of both instances into one gap-free sequence', async () => {
          const a = new Y.Doc()
          const b = new Y.Doc()
          const seqs = await Promise.all(
            Array.from({ length: 20 }, (_, index) =>
              index % 2 === 0
                ? store.append('doc-a', [textUpdate(a, `a${index};`)])
                : other.append('doc-a', [textUpdate(b, `b${index};`)]),
            ),
          )
          expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1))
          expect((await other.readSince('doc-a', 0)).map((entry) => entry.seq)).toEqual(
            Array.from({ length: 20 }, (_, index) => index + 1),
          )
        })

        it('keeps the other instance’s updates when one compacts while both append', async () => {
          const a = new Y.Doc()
          const b = new Y.Doc()
          const appends: Promise<number>[] = []
          for (let index = 0; index < 30; index++) {
            appends.push(store.append('doc-a', [textUpdate(a, `a${index};`)]))
            appends.push(other.append('doc-a', [textUpdate(b, `b${index};`)]))
            // Each compacts with only its own edits applied, through its own latest number.
            if (index % 10 === 9) {
              const [throughA, throughB] = await Promise.all([appends.at(-2)!, appends.at(-1)!])
              await Promise.all([
                store.compact('doc-a', Y.encodeStateAsUpdate(a), throughA),
                other.compact('doc-a', Y.encodeStateAsUpdate(b), throughB),
              ])
            }
          }
          await Promise.all(appends)
          const text = replay((await store.load('doc-a')).updates)
          for (let index = 0; index < 30; index++) {
            expect(text).toContain(`a${index};`)
            expect(text).toContain(`b${index};`)
          }
        })
      })
    }

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
