import type { Config } from '../config.ts'
import { createSqliteStores } from './createSqliteStores.ts'
import { openSqliteDatabase } from './openSqliteDatabase.ts'
import type { Stores } from './Stores.ts'

export interface OpenedStores {
  stores: Stores
  /** Which backend `config` chose; shown at start-up and in /api/health. */
  backend: 'sqlite' | 'postgres'
  /** Closes the database (SQLite) or ends the pool (PostgreSQL), after every store is done. */
  close(): Promise<void>
}

/**
 * Opens the backend the configuration names: PostgreSQL when DATABASE_URL is set (every store, for running
 * several instances), otherwise the SQLite file in DATA_DIR. Both apply pending migrations first and refuse
 * (MigrationError) a database that does not fit this release.
 */
export async function openStores(config: Config): Promise<OpenedStores> {
  if (config.databaseUrl) {
    // Loaded only here: a single SQLite instance (the default) never pays pg's memory and start-up time.
    const [{ openPostgresDatabase }, { createPostgresStores }] = await Promise.all([
      import('./postgres/openPostgresDatabase.ts'),
      import('./postgres/createPostgresStores.ts'),
    ])
    const pool = await openPostgresDatabase(config.databaseUrl, { poolSize: config.databasePoolSize })
    return { stores: createPostgresStores(pool), backend: 'postgres', close: () => pool.end() }
  }
  const database = openSqliteDatabase(config.dataDir, config.sqliteSynchronous)
  return {
    stores: createSqliteStores(database),
    backend: 'sqlite',
    close: async () => {
      database.close()
    },
  }
}
