import { type AppliedMigration, checkAppliedMigrations } from './checkAppliedMigrations.ts'
import { loadMigrations } from './loadMigrations.ts'
import type { Migration } from './Migration.ts'
import type { SqliteDatabase } from './openSqliteDatabase.ts'

export interface MigrationReport {
  /** Versions applied by this call, in order. */
  applied: number[]
  /** True when the database predates `schema_migrations` (release 0.1.0) and was adopted by migration 0001. */
  baselined: boolean
}

/**
 * Brings the schema up to date: each pending migration runs in its own transaction together with its row in
 * `schema_migrations`, so a crash leaves the database at a clean version. Refuses (throws MigrationError) when a
 * released migration's file changed or the database is newer than this release.
 */
export function migrateSqliteDatabase(
  database: SqliteDatabase,
  migrations: readonly Migration[] = loadMigrations('sqlite'),
): MigrationReport {
  const baselined = createLedger(database)
  const applied: number[] = []
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock before reading, so two processes opening one file never both apply it.
    const ran = database.transaction(() => applyIfPending(database, migrations, migration)).immediate()
    if (ran) applied.push(migration.version)
  }
  return { applied, baselined }
}

/** Creates `schema_migrations`; true if the database was written by release 0.1.0, which had no ledger. */
function createLedger(database: SqliteDatabase): boolean {
  return database
    .transaction(() => {
      const hasLedger = database
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        .get()
      // Release 0.1.0 created its tables in the stores' constructors; 0001 is that schema with IF NOT EXISTS.
      const legacy =
        !hasLedger &&
        database
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
          .get() !== undefined
      database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        checksum TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`)
      return legacy
    })
    .immediate()
}

function applyIfPending(
  database: SqliteDatabase,
  migrations: readonly Migration[],
  migration: Migration,
): boolean {
  const rows = database
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[]
  checkAppliedMigrations(rows, migrations)
  if (rows.some((row) => row.version === migration.version)) return false
  database.exec(migration.sql)
  database
    .prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
    .run(migration.version, migration.name, migration.checksum, new Date().toISOString())
  return true
}
