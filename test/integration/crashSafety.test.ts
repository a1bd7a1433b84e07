import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/index.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { createTestDatabase } from '../helpers/createTestDatabase.ts'
import { eventually } from '../helpers/eventually.ts'
import { seedDataDir } from '../helpers/seedDataDir.ts'
import { type SpawnedServer, spawnServer } from '../helpers/spawnServer.ts'
import { createDataDir, testStorages } from '../helpers/startTestServer.ts'

describe('crash safety', () => {
  const clients: TestClient[] = []
  let server: SpawnedServer | null = null

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL')
      await server.exited
    }
  })

  for (const storage of testStorages) {
    // Two process starts and 2000 characters typed: 60 s, more than the default bound, for a busy CI machine.
    it(`keeps every edit another client had received when the server is killed with SIGKILL (${storage})`, async () => {
      const dataDir = createDataDir()
      const testDatabase = storage === 'postgres' ? await createTestDatabase() : null
      const env = { DATA_DIR: dataDir, ...(testDatabase ? { DATABASE_URL: testDatabase.url } : {}) }
      const params = { token: await seedDataDir(dataDir, ['doc-sigkill'], 'drafter', testDatabase?.url) }
      server = await spawnServer(env)
      const writer = await connectClient(server.wsUrl, 'doc-sigkill', { params })
      const receiver = await connectClient(server.wsUrl, 'doc-sigkill', { params })
      clients.push(writer, receiver)

      let written = 0
      const typing = setInterval(() => {
        for (let burst = 0; burst < 5; burst++) writer.text.insert(writer.text.length, `<${written++}>`)
      }, 2)
      await eventually(() => expect(receiver.text.length).toBeGreaterThan(2000), { timeoutMs: 20_000 })
      server.child.kill('SIGKILL')
      const killedAt = receiver.text.toString()
      clearInterval(typing)
      await server.exited
      // Freeze both clients so they cannot re-send anything after the restart: we test the server's log only.
      for (const client of clients.splice(0)) client.destroy()

      server = await spawnServer(env)
      const reader = await connectClient(server.wsUrl, 'doc-sigkill', { params })
      clients.push(reader)
      const recovered = reader.text.toString()
      expect(recovered.startsWith(killedAt)).toBe(true)
      const tokens = recovered.match(/<\d+>/g) ?? []
      expect(new Set(tokens).size).toBe(tokens.length)
    }, 60_000)
  }

  it('stops on SIGTERM: clients get "going away", data is flushed, exit code 0', async () => {
    const dataDir = createDataDir()
    const params = { token: await seedDataDir(dataDir, ['doc-sigterm']) }
    server = await spawnServer({ DATA_DIR: dataDir })
    const writer = await connectClient(server.wsUrl, 'doc-sigterm', { params })
    clients.push(writer)
    const closeCodes: number[] = []
    writer.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closeCodes.push(event.code)
    })
    writer.text.insert(0, 'flushed before exit')
    await eventually(async () => {
      const probe = await connectClient(server!.wsUrl, 'doc-sigterm', { params })
      clients.push(probe)
      expect(probe.text.toString()).toBe('flushed before exit')
    })
    const started = Date.now()
    server.child.kill('SIGTERM')
    // Exit code 0 also means the shutdown beat main.ts's own 10 s bound (it exits 1 past it).
    expect(await server.exited).toEqual({ code: 0, signal: null })
    const shutdownMs = Date.now() - started
    console.log(`[crashSafety] SIGTERM to exit: ${shutdownMs} ms`)
    expect(shutdownMs).toBeLessThan(15_000)
    await eventually(() => expect(closeCodes).toContain(CloseCode.goingAway))
    for (const client of clients.splice(0)) client.destroy()

    server = await spawnServer({ DATA_DIR: dataDir })
    const reader = await connectClient(server.wsUrl, 'doc-sigterm', { params })
    clients.push(reader)
    expect(reader.text.toString()).toBe('flushed before exit')
  })
})
