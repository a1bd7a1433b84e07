import type { DocumentStore } from '../../server/persistence/DocumentStore.ts'
import { MemoryDocumentStore } from '../../server/persistence/MemoryDocumentStore.ts'
import { openSqliteDatabase, type SqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import { openPostgresDatabase } from '../../server/persistence/postgres/openPostgresDatabase.ts'
import type { PostgresDatabase } from '../../server/persistence/postgres/PostgresDatabase.ts'
import { PostgresDocumentStore } from '../../server/persistence/postgres/PostgresDocumentStore.ts'
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts'
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

interface PostgresOpened {
  database: PostgresDatabase
  testDatabase: TestDatabase
  /** Stores over the same database still open; the database is dropped when the last is destroyed. */
  open: Set<PostgresDocumentStore>
}

const postgresDatabases = new WeakMap<PostgresDocumentStore, PostgresOpened>()

async function openPostgres(
  testDatabase: TestDatabase,
  open: Set<PostgresDocumentStore>,
): Promise<PostgresDocumentStore> {
  // Each store has its own pool, as each instance of the server has.
  const database = await openPostgresDatabase(testDatabase.url, { poolSize: 4 })
  const store = new PostgresDocumentStore(database)
  postgresDatabases.set(store, { database, testDatabase, open })
  open.add(store)
  const destroy = store.destroy.bind(store)
  store.destroy = async () => {
    await destroy()
    if (!open.delete(store)) return
    await database.end()
    if (open.size === 0) await testDatabase.drop()
  }
  return store
}

function postgresOf(store: DocumentStore): PostgresOpened {
  const opened = postgresDatabases.get(store as PostgresDocumentStore)
  if (!opened) throw new Error('not a store from this factory')
  return opened
}

describeDocumentStoreContract('PostgresDocumentStore', {
  create: async () => openPostgres(await createTestDatabase(), new Set()),
  reopen: async (store) => {
    const opened = postgresOf(store)
    // Keep the database: end this pool only, then connect anew.
    const reopened = await openPostgres(opened.testDatabase, opened.open)
    opened.open.delete(store as PostgresDocumentStore)
    await opened.database.end()
    return reopened
  },
  sibling: async (store) => {
    const opened = postgresOf(store)
    return openPostgres(opened.testDatabase, opened.open)
  },
  poison: async (store) => {
    await postgresOf(store).database.query(`
      CREATE OR REPLACE FUNCTION refuse_poisoned_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.data = '\\xdeadbeef'::bytea THEN RAISE EXCEPTION 'poisoned update'; END IF;
        RETURN NEW;
      END $$;
      CREATE OR REPLACE TRIGGER refuse_poisoned_update BEFORE INSERT ON document_updates
        FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_update();
    `)
    return Uint8Array.from([0xde, 0xad, 0xbe, 0xef])
  },
})
