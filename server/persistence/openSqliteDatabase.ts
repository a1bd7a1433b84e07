import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrateSqliteDatabase } from './migrateSqliteDatabase.ts'

export type SqliteDatabase = Database.Database

export const databaseFileName = 'charter-desk.sqlite'

/**
 * Opens (creating if needed) the one SQLite file that holds all server state and applies pending schema
 * migrations (`migrations/sqlite/`); throws MigrationError if the file does not fit this release. WAL lets readers run beside
 * the single writer; `synchronous` decides whether a commit also survives power loss (FULL) or only a crash.
 */
export function openSqliteDatabase(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true })
  const database = new Database(path.join(dataDir, databaseFileName))
  database.pragma('journal_mode = WAL')
  database.pragma(`synchronous = ${synchronous}`)
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  cachePreparedStatements(database)
  try {
    migrateSqliteDatabase(database)
  } catch (error) {
    database.close()
    throw error
  }
  return database
}

/** More distinct SQL texts than this means SQL is being built dynamically; the cache then starts over. */
const maxCachedStatements = 500

/**
 * better-sqlite3 compiles the SQL on every `prepare`, and the stores prepare per call; on hot paths (the
 * session re-check of every open socket, every WebSocket upgrade) compiling dominated the query itself.
 * Statements are reused per SQL text. Safe because no caller changes a statement's mode (`pluck`, `raw`,
 * `expand`, `safeIntegers`) or keeps one busy with `iterate` while preparing the same SQL again.
 */
function cachePreparedStatements(database: SqliteDatabase): void {
  const prepare = database.prepare.bind(database)
  const statements = new Map<string, ReturnType<typeof prepare>>()
  database.prepare = ((source: string) => {
    let statement = statements.get(source)
    if (!statement) {
      if (statements.size >= maxCachedStatements) statements.clear()
      statement = prepare(source)
      statements.set(source, statement)
    }
    return statement
  }) as typeof database.prepare
}
