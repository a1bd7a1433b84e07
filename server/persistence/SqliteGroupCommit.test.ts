import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { temporarySqliteDatabases } from '../../test/helpers/temporarySqliteDatabases.ts'
import { SqliteDocumentStore } from './SqliteDocumentStore.ts'
import { SqliteGroupCommit } from './SqliteGroupCommit.ts'

const openDatabase = temporarySqliteDatabases('group-commit-')

describe('SqliteGroupCommit', () => {
  it('stores appends to many documents from one turn in one transaction, each in order', async () => {
    const database = openDatabase()
    const store = new SqliteDocumentStore(database)
    const names = Array.from({ length: 20 }, (_, index) => `doc-${index}`)
    const appended = names.map((name, index) =>
      store.append(name, [Uint8Array.of(index, 1), Uint8Array.of(index, 2)]),
    )
    // Another connection sees nothing until the turn's transaction commits, and then everything at once.
    const observer = new Database(database.name, { readonly: true })
    let seenMidway = -1
    const probe = SqliteGroupCommit.of(database).run(() => {
      seenMidway = (observer.prepare('SELECT count(*) AS n FROM document_updates').get() as { n: number }).n
    })
    expect(database.prepare('SELECT count(*) AS n FROM document_updates').get()).toEqual({ n: 0 })
    const lastSeqs = await Promise.all(appended)
    await probe
    expect(seenMidway).toBe(0)
    expect(observer.prepare('SELECT count(*) AS n FROM document_updates').get()).toEqual({ n: 40 })
    observer.close()
    for (const [index, name] of names.entries()) {
      const loaded = await store.load(name)
      expect(loaded.updates.map((update) => [...update])).toEqual([
        [index, 1],
        [index, 2],
      ])
      expect(loaded.lastSeq).toBe(lastSeqs[index])
    }
  })

  it('rolls back and rejects only the write that failed; the others of its turn are stored', async () => {
    const database = openDatabase()
    const store = new SqliteDocumentStore(database)
    const group = SqliteGroupCommit.of(database)
    const before = store.append('kept-before', [Uint8Array.of(1)])
    const failing = group.run(() => {
      database
        .prepare('INSERT INTO document_updates (document_name, seq, data) VALUES (?, 1, ?)')
        .run('lost', Uint8Array.of(9))
      throw new Error('refused')
    })
    const after = store.append('kept-after', [Uint8Array.of(2)])
    await expect(failing).rejects.toThrow('refused')
    await expect(before).resolves.toBeGreaterThan(0)
    await expect(after).resolves.toBeGreaterThan(0)
    expect((await store.load('lost')).updates).toEqual([])
    expect((await store.load('kept-before')).updates.map((update) => [...update])).toEqual([[1]])
    expect((await store.load('kept-after')).updates.map((update) => [...update])).toEqual([[2]])
  })

  it('commits a write alone in its turn, and rolls back all of it when it fails', async () => {
    const database = openDatabase()
    const store = new SqliteDocumentStore(database)
    const group = SqliteGroupCommit.of(database)
    expect(await store.append('alone', [Uint8Array.of(1)])).toBe(1)
    const failing = group.run(() => {
      database
        .prepare('INSERT INTO document_updates (document_name, seq, data) VALUES (?, ?, ?)')
        .run('alone', 2, Buffer.of(2))
      throw new Error('refused halfway')
    })
    await expect(failing).rejects.toThrow('refused halfway')
    expect((await store.load('alone')).updates.map((update) => [...update])).toEqual([[1]])
  })
})
