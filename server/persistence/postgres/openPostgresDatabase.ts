import pg from 'pg'
import { migratePostgresDatabase } from './migratePostgresDatabase.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

export interface PostgresOptions {
  /** Connections this instance may hold; every instance has its own pool. */
  poolSize?: number
}

/**
 * Connects to the database at `url` and applies pending migrations (`migrations/postgres/`); throws
 * MigrationError if the database does not fit this release. The caller ends the pool.
 */
export async function openPostgresDatabase(
  url: string,
  options: PostgresOptions = {},
): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
  // An idle connection that the server drops (restart, failover) emits 'error' on the pool; without a listener
  // that would crash the process. The next query simply takes a fresh connection.
  pool.on('error', () => {})
  try {
    await migratePostgresDatabase(pool)
  } catch (error) {
    await pool.end()
    throw error
  }
  return pool
}
