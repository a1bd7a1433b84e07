import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { createDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.ts'

const run = promisify(execFile)
const projectRoot = path.resolve(import.meta.dirname, '../..')

function admin(args: string[], dataDir: string) {
  return run(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  })
}

const tokenPattern = /<c\d+n\d+>/g

/** `npm run admin -- backup` under write load, then `restore`: every edit acknowledged before the backup is there. */
describe('backup and restore (SQLite)', () => {
  const clients: TestClient[] = []
  const servers: TestServer[] = []
  const dirs: string[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.stop()
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('backs up while clients type and restores every acknowledged edit', async () => {
    const source = createDataDir()
    const restored = createDataDir()
    dirs.push(source, restored)
    const server = await startTestServer({ dataDir: source })
    servers.push(server)
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
      const backupFile = path.join(source, 'backup.sqlite')
      await admin(['backup', '--file', backupFile], source)
      for (const timer of timers) clearInterval(timer)

      await admin(['restore', '--file', backupFile], restored)
      const again = await startTestServer({ dataDir: restored })
      servers.push(again)
      const reader = await connectClient(again.wsUrl, 'shared', { params })
      clients.push(reader)
      const found: string[] = plainText(reader.text).match(tokenPattern) ?? []
      const missing = [...acknowledged].filter((entry) => !found.includes(entry))
      expect(missing).toEqual([])
      expect(new Set(found).size).toBe(found.length)
    } finally {
      for (const timer of timers) clearInterval(timer)
    }
  }, 120_000)
})
