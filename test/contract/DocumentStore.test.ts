import { MemoryDocumentStore } from '../../server/persistence/MemoryDocumentStore.ts'
import { openSqliteDatabase, type SqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.ts'
import { createDataDir } from '../helpers/startTestServer.ts'
import { describeDocumentStoreContract } from './documentStoreContract.ts'

/** Bytes the memory store cannot copy: its write fails at this update, after copying the ones before. */
class UncopyableBytes extends Uint8Array {
  override slice(): Uint8Array<ArrayBuffer> {
    throw new Error('poisoned update')
  }
}

describeDocumentStoreContract('MemoryDocumentStore', {
  create: async () => new MemoryDocumentStore(),
  poison: async () => new UncopyableBytes([0xde, 0xad, 0xbe, 0xef]),
})

const databases = new WeakMap<SqliteDocumentStore, { database: SqliteDatabase; dataDir: string }>()

function openSqlite(dataDir: string): SqliteDocumentStore {
  const database = openSqliteDatabase(dataDir)
  const store = new SqliteDocumentStore(database)
  databases.set(store, { database, dataDir })
  const destroy = store.destroy.bind(store)
  store.destroy = async () => {
    await destroy()
    if (database.open) database.close()
  }
  return store
}

describeDocumentStoreContract('SqliteDocumentStore', {
  create: async () => openSqlite(createDataDir()),
  reopen: async (store) => {
    const opened = databases.get(store as SqliteDocumentStore)
    if (!opened) throw new Error('not a store from this factory')
    opened.database.close()
    return openSqlite(opened.dataDir)
  },
  sibling: async (store) => {
    const opened = databases.get(store as SqliteDocumentStore)
    if (!opened) throw new Error('not a store from this factory')
    return openSqlite(opened.dataDir)
  },
  poison: async (store) => {
    const opened = databases.get(store as SqliteDocumentStore)
    if (!opened) throw new Error('not a store from this factory')
    opened.database.exec(`
      CREATE TRIGGER IF NOT EXISTS refuse_poisoned_update BEFORE INSERT ON document_updates
      WHEN NEW.data = X'deadbeef' BEGIN SELECT RAISE(ABORT, 'poisoned update'); END
    `)
    return Uint8Array.from([0xde, 0xad, 0xbe, 0xef])
  },
})
