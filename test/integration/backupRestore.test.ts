import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { administerPostgres } from '../helpers/administerPostgres.ts'
import { plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { testDatabaseUrl } from '../helpers/createTestDatabase.ts'
import { eventually } from '../helpers/eventually.ts'
import { createDataDir, startTestServer, type TestServer, testStorages } from '../helpers/startTestServer.ts'

const run = promisify(execFile)
const projectRoot = path.resolve(import.meta.dirname, '../..')

function admin(args: string[], dataDir: string, databaseUrl = '') {
  return run(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
  })
}

const administer = (sql: string): Promise<void> => administerPostgres(testDatabaseUrl, sql)

const tokenPattern = /<c\d+n\d+>/g

/**
 * Where a test deployment keeps its state. PostgreSQL gets whole databases (not the per-test schemas of other
 * tests), because `pg_dump` and `pg_restore` work on databases, as an operator's would.
 */
interface Deployment {
  dataDir: string
  databaseUrl: string
}

/** `npm run admin -- backup` under write load, then `restore`: every edit acknowledged before the backup is there. */
describe.each(testStorages)('backup and restore (%s)', (storage) => {
  const clients: TestClient[] = []
  const servers: TestServer[] = []
  const dirs: string[] = []
  const databases: string[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.stop()
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
    for (const name of databases.splice(0)) await administer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })

  async function deployment(): Promise<Deployment> {
    const dataDir = createDataDir()
    dirs.push(dataDir)
    if (storage === 'sqlite') return { dataDir, databaseUrl: '' }
    const name = `charter_backup_${randomBytes(6).toString('hex')}`
    await administer(`CREATE DATABASE ${name}`)
    databases.push(name)
    const url = new URL(testDatabaseUrl)
    url.pathname = `/${name}`
    return { dataDir, databaseUrl: url.toString() }
  }

  function start(target: Deployment): Promise<TestServer> {
    const env: Record<string, string> = target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}
    return startTestServer({ dataDir: target.dataDir, env, storage: 'sqlite' })
  }

  it('backs up while clients type and restores every acknowledged edit', async () => {
    const source = await deployment()
    const restored = await deployment()
    const server = await start(source)
    servers.push(server)
    expect(server.storage).toBe(storage)
    await server.ensureDocument('shared')
    const { token } = await server.createAccount({ role: 'drafter' })
    const params = { token }
    const writers = await Promise.all([0, 1, 2].map(() => connectClient(server.wsUrl, 'shared', { params })))
    const observer = await connectClient(server.wsUrl, 'shared', { params })
    clients.push(...writers, observer)
    const counters = writers.map(() => 0)
    const timers = writers.map((writer, column) =>
      setInterval(() => writer.text.insert(0, `<c${column}n${counters[column]!++}>`), 10),
    )
    try {
      await eventually(
        () => expect(plainText(observer.text).match(tokenPattern)?.length ?? 0).toBeGreaterThan(30),
        {
          timeoutMs: 30_000,
        },
      )
      // Relayed to the observer means committed: all of these must be in a backup started afterwards.
      const acknowledged = new Set(plainText(observer.text).match(tokenPattern))
      const backupFile = path.join(source.dataDir, 'backup.dump')
      await admin(['backup', '--file', backupFile], source.dataDir, source.databaseUrl)
      for (const timer of timers) clearInterval(timer)

      await admin(['restore', '--file', backupFile], restored.dataDir, restored.databaseUrl)
      const again = await start(restored)
      servers.push(again)
      const reader = await connectClient(again.wsUrl, 'shared', { params })
      clients.push(reader)
      const found: string[] = plainText(reader.text).match(tokenPattern) ?? []
      const missing = [...acknowledged].filter((entry) => !found.includes(entry))
      expect(missing).toEqual([])
      expect(new Set(found).size).toBe(found.length)
      expect(found.length).toBeGreaterThanOrEqual(acknowledged.size)
    } finally {
      for (const timer of timers) clearInterval(timer)
    }
  }, 120_000)
})
