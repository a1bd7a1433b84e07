import fs from 'node:fs'
import { createMemoryStores } from '../../server/persistence/createMemoryStores.ts'
import { createSqliteStores } from '../../server/persistence/createSqliteStores.ts'
import { openSqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import { createPostgresStores } from '../../server/persistence/postgres/createPostgresStores.ts'
import { openPostgresDatabase } from '../../server/persistence/postgres/openPostgresDatabase.ts'
import type { Stores } from '../../server/persistence/Stores.ts'
import { createTestDatabase } from '../helpers/createTestDatabase.ts'
import { createDataDir } from '../helpers/startTestServer.ts'

export interface OpenedStores {
  stores: Stores
  destroy(): Promise<void>
  /** Runs raw SQL against the backend's database; absent for backends without one (memory). */
  execute?(sql: string): Promise<void>
}

export interface StoreBackend {
  name: string
  /** Fresh, empty stores of this backend. */
  open(): Promise<OpenedStores>
}

/** Every backend the contract suites run against. PostgreSQL gets a fresh database per case (TEST_DATABASE_URL). */
export const storeBackends: StoreBackend[] = [
  {
    name: 'memory',
    open: async () => ({ stores: createMemoryStores(), destroy: async () => {} }),
  },
  {
    name: 'sqlite',
    open: async () => {
      const dataDir = createDataDir()
      const database = openSqliteDatabase(dataDir)
      return {
        stores: createSqliteStores(database),
        destroy: async () => {
          database.close()
          fs.rmSync(dataDir, { recursive: true, force: true })
        },
        execute: async (sql) => {
          database.exec(sql)
        },
      }
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const testDatabase = await createTestDatabase()
      const database = await openPostgresDatabase(testDatabase.url, { poolSize: 4 })
      return {
        stores: createPostgresStores(database),
        destroy: async () => {
          await database.end()
          await testDatabase.drop()
        },
        execute: async (sql) => {
          await database.query(sql)
        },
      }
    },
  },
]
