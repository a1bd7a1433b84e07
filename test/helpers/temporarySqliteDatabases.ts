import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openSqliteDatabase, type SqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'

/**
 * Opens migrated SQLite databases, each in a data directory of its own, all closed and removed after each test
 * of the calling file (call at the top level of the file, which registers the `afterEach`).
 */
export function temporarySqliteDatabases(prefix: string): () => SqliteDatabase {
  const opened: { database: SqliteDatabase; dataDir: string }[] = []
  afterEach(() => {
    for (const { database, dataDir } of opened.splice(0)) {
      if (database.open) database.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
  return () => {
    const dataDir = mkdtempSync(join(tmpdir(), prefix))
    const database = openSqliteDatabase(dataDir)
    opened.push({ database, dataDir })
    return database
  }
}
