import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export type SqliteDatabase = Database.Database

export const databaseFileName = 'charter-desk.sqlite'

/**
 * Opens (creating if needed) the one SQLite file that holds all server state. WAL lets readers run beside
 * the single writer; `synchronous` decides whether a commit also survives power loss (FULL) or only a crash.
 */
export function openSqliteDatabase(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true })
  const database = new Database(path.join(dataDir, databaseFileName))
  database.pragma('journal_mode = WAL')
  database.pragma(`synchronous = ${synchronous}`)
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  return database
}
