import type { Migration } from './Migration.ts'
import { MigrationError } from './MigrationError.ts'

export interface AppliedMigration {
  version: number
  name: string
  checksum: string
}

/**
 * Throws MigrationError when the database's ledger does not fit this release: a migration it does not know
 * (written by a newer release) or one whose file changed after it was applied. Shared by both SQL backends.
 */
export function checkAppliedMigrations(
  applied: readonly AppliedMigration[],
  migrations: readonly Migration[],
): void {
  const known = new Map(migrations.map((candidate) => [candidate.version, candidate]))
  for (const row of applied) {
    const expected = known.get(row.version)
    if (!expected) {
      throw new MigrationError(
        'unknown-version',
        `The database has migration ${row.version} (${row.name}), which this release does not know: it was written by a newer release.`,
      )
    }
    if (expected.checksum !== row.checksum) {
      throw new MigrationError(
        'checksum-changed',
        `Migration ${row.version} (${row.name}) changed after it was applied; add a new migration instead.`,
      )
    }
  }
}
