import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSqliteStores } from '../../server/persistence/createSqliteStores.ts'
import { loadMigrations } from '../../server/persistence/loadMigrations.ts'
import { MigrationError } from '../../server/persistence/MigrationError.ts'
import { migrateSqliteDatabase } from '../../server/persistence/migrateSqliteDatabase.ts'
import {
  databaseFileName,
  openSqliteDatabase,
  type SqliteDatabase,
} from '../../server/persistence/openSqliteDatabase.ts'
import { createDataDir } from '../helpers/startTestServer.ts'

const fixture = path.resolve('test/fixtures/pre-migrations/charter-desk.sqlite')
const fixtureSecrets = {
  browserSession: 'mERCRplhismliX2rDbp1IhTJOgsZjGNBsq8R-jm3Hmc',
  accessToken: 'zZp1FA5ZhLkNGJrhp27WVaXzIMmOBFaZZuRZBL3XVWo',
  signInLink: 'ppsGwcCy8S61heVB3_jxLe-kE5ROIFFHmmD5w6zBX9o',
  invitation: 'NYNeFo8Vwb7xieaWS4QYb7b9jj9WVKeSG645NQmEp6s',
}

const opened: SqliteDatabase[] = []
const dataDirs: string[] = []

function rawDatabase(fromFixture: boolean): { database: SqliteDatabase; dataDir: string } {
  const dataDir = createDataDir()
  dataDirs.push(dataDir)
  if (fromFixture) fs.copyFileSync(fixture, path.join(dataDir, databaseFileName))
  const database = new Database(path.join(dataDir, databaseFileName))
  opened.push(database)
  return { database, dataDir }
}

/** Tables, their columns and indexes, and triggers: what a schema is, regardless of how its SQL was spelled. */
function describeSchema(database: SqliteDatabase): unknown {
  const objects = database
    .prepare(
      "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY type, name",
    )
    .all() as { type: string; name: string; tbl_name: string }[]
  return objects.map((object) => ({
    ...object,
    columns: object.type === 'table' ? database.pragma(`table_info(${object.name})`) : undefined,
    foreignKeys: object.type === 'table' ? database.pragma(`foreign_key_list(${object.name})`) : undefined,
    indexColumns: object.type === 'index' ? database.pragma(`index_info(${object.name})`) : undefined,
  }))
}

afterEach(() => {
  for (const database of opened.splice(0)) if (database.open) database.close()
  for (const dataDir of dataDirs.splice(0)) fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('SQLite schema migrations', () => {
  it('migrates an empty database to the latest version and records each migration once', () => {
    const { database } = rawDatabase(false)
    const migrations = loadMigrations('sqlite')
    expect(migrations.map((migration) => `${migration.version}_${migration.name}`)).toContain('1_initial')
    expect(migrateSqliteDatabase(database)).toEqual({
      applied: migrations.map((migration) => migration.version),
      baselined: false,
    })
    const recorded = database
      .prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version')
      .all() as { version: number; name: string; checksum: string; applied_at: string }[]
    expect(recorded.map(({ version, name, checksum }) => ({ version, name, checksum }))).toEqual(
      migrations.map(({ version, name, checksum }) => ({ version, name, checksum })),
    )
    expect(Date.parse(recorded[0]!.applied_at)).not.toBeNaN()
    expect(migrateSqliteDatabase(database)).toEqual({ applied: [], baselined: false })
  })

  it('creates from nothing exactly the schema release 0.1.0 wrote', () => {
    const { database: fresh } = rawDatabase(false)
    migrateSqliteDatabase(fresh, loadMigrations('sqlite').slice(0, 1))
    const { database: legacy } = rawDatabase(true)
    expect(describeSchema(fresh)).toEqual(describeSchema(legacy))
  })

  it('baselines a database written before migrations existed, keeping its data', () => {
    const { database } = rawDatabase(true)
    const accountsBefore = database.prepare('SELECT * FROM accounts ORDER BY id').all()
    const report = migrateSqliteDatabase(database)
    expect(report.baselined).toBe(true)
    expect(report.applied[0]).toBe(1)
    // Later migrations add columns (0002: `language`, unset); every value that was there is kept.
    expect(database.prepare('SELECT * FROM accounts ORDER BY id').all()).toEqual(
      accountsBefore.map((row) => ({ ...(row as object), language: null })),
    )
  })

  it('reads the data of release 0.1.0 through the new stores after migrating', async () => {
    const { database: raw, dataDir } = rawDatabase(true)
    raw.close()
    const database = openSqliteDatabase(dataDir)
    opened.push(database)
    const stores = createSqliteStores(database)
    const now = new Date()

    const aysel = await stores.accounts.findAccountByLogin('AZ-CO-CHAIR')
    expect(aysel).toMatchObject({ name: 'Aysel Karimova', role: 'co-chair', isAdmin: true })
    expect(await stores.accounts.passwordHashOf(aysel!.id)).toBe('scrypt$fixture')
    expect((await stores.accounts.listAccounts()).map((account) => account.login)).toEqual([
      'az-co-chair',
      'us-reviewer',
    ])

    expect((await stores.sessions.findSession(fixtureSecrets.browserSession, now))?.account.id).toBe(
      aysel!.id,
    )
    const token = await stores.sessions.findSession(fixtureSecrets.accessToken, now)
    expect(token?.session).toMatchObject({ kind: 'token', documentName: 'charter', label: 'export script' })
    expect(await stores.sessions.revokeSessionsOf(token!.account.id)).toBe(1)

    expect(await stores.signInLinks.consumeSignInLink(fixtureSecrets.signInLink, now)).toBe(token!.account.id)
    expect(await stores.signInLinks.consumeSignInLink(fixtureSecrets.signInLink, now)).toBeNull()
    expect(await stores.invitations.findInvitation(fixtureSecrets.invitation, now)).toMatchObject({
      delegation: 'US',
      role: 'drafter',
      name: 'Daniel Brooks',
    })

    expect((await stores.catalog.list()).map((document) => document.name)).toEqual(['charter', 'az-notes'])
    expect((await stores.catalog.find('az-notes'))?.access).toEqual([
      { subject: { kind: 'delegation', delegation: 'AZ' }, maxRole: 'co-chair' },
    ])

    const charter = await stores.documents.load('charter')
    expect(charter.updates).toHaveLength(2)
    const ydoc = new Y.Doc()
    for (const update of charter.updates) Y.applyUpdate(ydoc, update)
    expect(ydoc.getXmlFragment('default').toString()).toContain('Fixture edit')

    const [thread] = await stores.threads.listThreads('charter')
    expect(thread).toMatchObject({ status: 'resolved', resolvedBy: aysel!.id, area: 'investment' })
    expect(thread!.comments.map((comment) => comment.text)).toEqual(['First comment', null])
    expect(thread!.comments[1]?.deletedAt).not.toBeNull()

    const [meeting] = await stores.meetings.listMeetings()
    expect(meeting).toMatchObject({ title: 'First full meeting', date: '2025-12-19' })
    const [summary] = await stores.snapshots.listSnapshots('charter')
    expect(summary).toMatchObject({ name: 'After first meeting', meetingTitle: 'First full meeting' })
    const snapshotDoc = new Y.Doc()
    Y.applyUpdate(snapshotDoc, (await stores.snapshots.findSnapshot(summary!.id))!.state)
    expect(snapshotDoc.getXmlFragment('default').toString()).toContain('Fixture edit')
    expect(() => database.exec('DELETE FROM snapshots')).toThrow(/immutable/)

    expect((await stores.audit.list({ limit: 10 })).map((event) => event.action)).toEqual([
      'auth.sign-in-failed',
      'auth.sign-in',
    ])

    const created = await stores.accounts.createAccount({
      login: 'new-after-migration',
      name: 'New',
      delegation: 'US',
      role: 'observer',
      isAdmin: false,
      passwordHash: null,
    })
    expect(created.id).toBeGreaterThan(token!.account.id)
  })

  it('refuses to start when a released migration was changed afterwards', () => {
    const { database } = rawDatabase(false)
    const migrations = loadMigrations('sqlite')
    migrateSqliteDatabase(database, migrations)
    const edited = migrations.map((migration, index) =>
      index === 0 ? { ...migration, sql: `${migration.sql}\n-- edited`, checksum: 'changed' } : migration,
    )
    expect(() => migrateSqliteDatabase(database, edited)).toThrow(MigrationError)
    try {
      migrateSqliteDatabase(database, edited)
    } catch (error) {
      expect((error as MigrationError).reason).toBe('checksum-changed')
    }
  })

  it('refuses a database written by a newer release', () => {
    const { database } = rawDatabase(false)
    const migrations = loadMigrations('sqlite')
    const newer = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'future',
        sql: 'CREATE TABLE future (id INTEGER)',
        checksum: 'f',
      },
    ]
    migrateSqliteDatabase(database, newer)
    expect(() => migrateSqliteDatabase(database, migrations)).toThrow(/newer release/)
  })

  it('applies pending migrations in order, each in its own transaction: a failing one leaves no trace', () => {
    const { database } = rawDatabase(false)
    const migrations = loadMigrations('sqlite')
    const next = migrations.length + 1
    const withFailure = [
      ...migrations,
      { version: next, name: 'add_notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY)', checksum: 'a' },
      {
        version: next + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (id INTEGER); INSERT INTO no_such_table VALUES (1)',
        checksum: 'b',
      },
    ]
    expect(() => migrateSqliteDatabase(database, withFailure)).toThrow(/no_such_table/)
    const versions = (
      database.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
        version: number
      }[]
    ).map((row) => row.version)
    expect(versions.at(-1)).toBe(next)
    expect(database.prepare("SELECT name FROM sqlite_master WHERE name IN ('notes', 'half')").all()).toEqual([
      { name: 'notes' },
    ])
  })

  it('opening the data directory migrates it, so every entry point sees the current schema', () => {
    const dataDir = createDataDir()
    dataDirs.push(dataDir)
    const database = openSqliteDatabase(dataDir)
    opened.push(database)
    const count = database.prepare('SELECT count(*) AS count FROM schema_migrations').get() as {
      count: number
    }
    expect(count.count).toBe(loadMigrations('sqlite').length)
  })
})
