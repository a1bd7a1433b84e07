import type pg from 'pg'
import type { PostgresDatabase } from './PostgresDatabase.ts'

/**
 * Runs `work` in one transaction on one pooled connection: committed if it resolves, rolled back if it throws.
 * The promise resolves only after COMMIT returned, so a caller never acknowledges anything uncommitted.
 */
export async function runInTransaction<T>(
  database: PostgresDatabase,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await database.connect()
  let broken = false
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    try {
      await client.query('ROLLBACK')
    } catch {
      // The connection itself failed: it must not go back into the pool.
      broken = true
    }
    throw error
  } finally {
    client.release(broken)
  }
}
