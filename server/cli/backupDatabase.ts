import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { databaseFileName, openSqliteDatabase } from '../persistence/openSqliteDatabase.ts'

/**
 * Backups of either backend, for `npm run admin -- backup|restore` (DEPLOYMENT.md).
 * - SQLite: `backup` uses SQLite's online backup API while the server runs and writes: the copy is one
 *   consistent committed state, so every edit acknowledged before the backup started is in it. `restore` (server
 *   stopped) checks the copy's integrity, then swaps it in atomically and drops the old WAL.
 * - PostgreSQL (DATABASE_URL): `pg_dump --format=custom` (one consistent snapshot, online) and
 *   `pg_restore --clean --if-exists --single-transaction`.
 */
export const backupDatabase = {
  async backup(target: string, dataDir: string, databaseUrl: string | null): Promise<void> {
    if (databaseUrl) {
      run('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, `--dbname=${databaseUrl}`])
      return
    }
    const database = openSqliteDatabase(dataDir)
    try {
      await database.backup(target)
    } finally {
      database.close()
    }
  },

  restore(source: string, dataDir: string, databaseUrl: string | null): void {
    if (!fs.existsSync(source)) throw new Error(`no backup at ${source}`)
    if (databaseUrl) {
      run('pg_restore', [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--single-transaction',
        `--dbname=${databaseUrl}`,
        source,
      ])
      return
    }
    const check = new Database(source, { readonly: true, fileMustExist: true })
    try {
      const result = String(check.pragma('integrity_check', { simple: true }))
      if (result !== 'ok') throw new Error(`the backup is damaged: ${result}`)
    } finally {
      check.close()
    }
    fs.mkdirSync(dataDir, { recursive: true })
    const live = path.join(dataDir, databaseFileName)
    const incoming = `${live}.restoring`
    fs.copyFileSync(source, incoming)
    // The old WAL belongs to the old file: replaying it over the restored one would corrupt it.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true })
    fs.renameSync(incoming, live)
  },
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`)
}
