import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { loadMigrations } from '../../server/persistence/loadMigrations.ts'
import { MigrationError } from '../../server/persistence/MigrationError.ts'
import { migratePostgresDatabase } from '../../server/persistence/postgres/migratePostgresDatabase.ts'
import { openPostgresDatabase } from '../../server/persistence/postgres/openPostgresDatabase.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts'

const pools: pg.Pool[] = []
const databases: TestDatabase[] = []

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase()
  databases.push(database)
  return database
}

function pool(url: string): pg.Pool {
  const opened = new pg.Pool({ connectionString: url, max: 2 })
  pools.push(opened)
  return opened
}

afterEach(async () => {
  for (const opened of pools.splice(0)) await opened.end()
  for (const database of databases.splice(0)) await database.drop()
})

describe('PostgreSQL schema migrations', () => {
  it('migrates an empty database once when several instances start at the same moment', async () => {
    const { url } = await freshDatabase()
    const migrations = loadMigrations('postgres')
    const reports = await Promise.all([1, 2, 3].map(() => migratePostgresDatabase(pool(url))))
    // Exactly one instance applied each migration; the others found it recorded.
    expect(reports.flat().sort()).toEqual(migrations.map((migration) => migration.version))
    const { rows } = await pool(url).query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    )
    expect(rows).toEqual(migrations.map(({ version, name, checksum }) => ({ version, name, checksum })))
    expect(await migratePostgresDatabase(pool(url))).toEqual([])
  })

  it('refuses a database whose applied migration changed, or that a newer release wrote', async () => {
    const { url } = await freshDatabase()
    await (await openPostgresDatabase(url)).end()
    const admin = pool(url)
    await admin.query("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1")
    await expect(openPostgresDatabase(url)).rejects.toMatchObject({ reason: 'checksum-changed' })
    await admin.query(`UPDATE schema_migrations SET checksum = $1 WHERE version = 1`, [
      loadMigrations('postgres')[0]!.checksum,
    ])
    await admin.query("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 'x', now())")
    const refusal = openPostgresDatabase(url)
    await expect(refusal).rejects.toBeInstanceOf(MigrationError)
    await expect(refusal).rejects.toMatchObject({ reason: 'unknown-version' })
  })

  it('rolls a failing migration back whole, with no ledger row', async () => {
    const { url } = await freshDatabase()
    const migrations = loadMigrations('postgres')
    const broken = {
      version: migrations.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id integer); SELECT no_such_function();',
      checksum: 'broken',
    }
    await expect(migratePostgresDatabase(pool(url), [...migrations, broken])).rejects.toThrow()
    const admin = pool(url)
    const { rows } = await admin.query<{ version: number }>('SELECT version FROM schema_migrations')
    expect(rows.map((row) => row.version)).not.toContain(broken.version)
    const table = await admin.query<{ found: string | null }>("SELECT to_regclass('half_done') AS found")
    expect(table.rows[0]?.found).toBeNull()
    // The lock was released: the next start migrates normally.
    expect(await migratePostgresDatabase(pool(url), migrations)).toEqual([])
  })
})
