import { type AppliedMigration, checkAppliedMigrations } from '../checkAppliedMigrations.ts'
import { loadMigrations } from '../loadMigrations.ts'
import type { Migration } from '../Migration.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

/** Key of the session advisory lock that makes instances starting together migrate one after another. */
export const migrationLockKey = 0x43_44_6d_67 // "CDmg"

/**
 * Brings the schema up to date, like migrateSqliteDatabase: each pending migration runs in its own transaction
 * together with its `schema_migrations` row; a changed or unknown migration throws MigrationError. Instances
 * starting at once take turns under an advisory lock, so each migration runs exactly once and a later instance
 * finds it recorded. Resolves to the versions this call applied.
 */
export async function migratePostgresDatabase(
  database: PostgresDatabase,
  migrations: readonly Migration[] = loadMigrations('postgres'),
): Promise<number[]> {
  const client = await database.connect()
  let broken = false
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey])
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL
      )`)
      const { rows } = await client.query<AppliedMigration>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      )
      checkAppliedMigrations(rows, migrations)
      const done = new Set(rows.map((row) => row.version))
      const applied: number[] = []
      for (const migration of migrations) {
        if (done.has(migration.version)) continue
        await client.query('BEGIN')
        try {
          await client.query(migration.sql)
          await client.query(
            'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())',
            [migration.version, migration.name, migration.checksum],
          )
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK')
          throw error
        }
        applied.push(migration.version)
      }
      return applied
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey])
    }
  } catch (error) {
    broken = !(error instanceof Error && error.name === 'MigrationError')
    throw error
  } finally {
    // A failed connection may still hold the session lock; destroying it releases the lock with the session.
    client.release(broken)
  }
}
