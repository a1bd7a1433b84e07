import { MemoryDocumentStore } from '../../server/persistence/MemoryDocumentStore.ts'
import { openSqliteDatabase, type SqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.ts'
import { createDataDir } from '../helpers/startTestServer.ts'
import { describeDocumentStoreContract } from './documentStoreContract.ts'

describeDocumentStoreContract('MemoryDocumentStore', {
  create: async () => new MemoryDocumentStore(),
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
})
