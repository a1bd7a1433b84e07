import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Migration } from './Migration.ts'

const fileNamePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/

/** The migrations of one backend (`sqlite`, later `postgres`), in version order. */
export function loadMigrations(backend: string): Migration[] {
  const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations', backend)
  const migrations: Migration[] = []
  for (const fileName of fs.readdirSync(directory).sort()) {
    const match = fileNamePattern.exec(fileName)
    if (!match) continue
    const sql = fs.readFileSync(path.join(directory, fileName), 'utf8')
    migrations.push({
      version: Number(match[1]),
      name: match[2]!,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    })
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`${backend} migrations must be numbered 0001, 0002, … without gaps (${migration.name})`)
    }
  })
  return migrations
}
