import fs from 'node:fs'
import { createMemoryStores } from '../../server/persistence/createMemoryStores.ts'
import { createSqliteStores } from '../../server/persistence/createSqliteStores.ts'
import { openSqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import type { Stores } from '../../server/persistence/Stores.ts'
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

/** Every backend the contract suites run against; PostgreSQL joins this list. */
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
]
