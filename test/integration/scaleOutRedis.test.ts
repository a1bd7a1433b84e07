import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCharterState } from '../../server/documents/createCharterState.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts'
import { eventually } from '../helpers/eventually.ts'
import { seedDataDir } from '../helpers/seedDataDir.ts'
import { type SpawnedServer, spawnServer } from '../helpers/spawnServer.ts'
import { createDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { TcpProxy } from '../helpers/TcpProxy.ts'

/**
 * Scale-out as deployed: two instances share one PostgreSQL database (a fresh schema per test) and fan out
 * through Redis, each test on its own channel prefix. CI installs and starts both. Acknowledged means relayed: the
 * server relays an update only after it is committed, so whatever another client received is durable.
 */
const redisPort = Number(process.env.TEST_REDIS_PORT ?? 6379)
const redisUrl = (port: number) => `redis://127.0.0.1:${port}`
const patience = { timeoutMs: 30_000 }
const tokenPattern = /<[a-z]\d+n\d+>/g

function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const token of text.match(tokenPattern) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1)
  return counts
}

describe('two instances over Redis', () => {
  const servers: TestServer[] = []
  const spawned: SpawnedServer[] = []
  const proxies: TcpProxy[] = []
  const clients: TestClient[] = []
  const dataDirs: string[] = []
  const databases: TestDatabase[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.stop()
    for (const child of spawned.splice(0)) {
      if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL')
      await child.exited
    }
    for (const proxy of proxies.splice(0)) await proxy.stop()
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
    for (const database of databases.splice(0)) await database.drop()
  })

  /** The deployment's one database: a fresh PostgreSQL schema that every instance of the test uses. */
  async function sharedDatabase(): Promise<string> {
    const database = await createTestDatabase()
    databases.push(database)
    return database.url
  }

  /** Each instance has a data directory of its own, so nothing can pass between them through a file. */
  function ownDataDir(): string {
    const dataDir = createDataDir()
    dataDirs.push(dataDir)
    return dataDir
  }

  async function startInstance(databaseUrl: string, prefix: string, id: string, port = redisPort) {
    const server = await startTestServer({
      dataDir: ownDataDir(),
      env: {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl(port),
        REDIS_PREFIX: prefix,
        INSTANCE_ID: id,
        CLUSTER_CHECK_MS: '2000',
      },
    })
    expect(server.storage).toBe('postgres')
    servers.push(server)
    return server
  }

  async function connect(url: string, documentName: string, token: string): Promise<TestClient> {
    const client = await connectClient(url, documentName, { params: { token } })
    clients.push(client)
    return client
  }

  function prefix(): string {
    return `test:${randomUUID()}:`
  }

  it('lets clients on two instances converge through Redis, and seeds a new document exactly once', async () => {
    const database = await sharedDatabase()
    const channels = prefix()
    // One at a time: the first runs the migrations (concurrent starts are covered by the PostgreSQL suites).
    const a = await startInstance(database, channels, 'a')
    const b = await startInstance(database, channels, 'b')
    await a.ensureDocument('shared')
    const { token } = await a.createAccount({ role: 'drafter' })
    const [onA, onB] = await Promise.all([
      connect(a.wsUrl, 'shared', token),
      connect(b.wsUrl, 'shared', token),
    ])
    onA.text.insert(0, 'from A. ')
    onB.text.insert(0, 'from B. ')
    await eventually(() => {
      expect(plainText(onA.text)).toBe(plainText(onB.text))
      expect(plainText(onA.text)).toMatch(/from A\..*from B\.|from B\..*from A\./)
    }, patience)

    // Both instances cold-load the charter at once: one template in the log, not two.
    const [first, second] = await Promise.all([
      connect(a.wsUrl, charterDocumentName, token),
      connect(b.wsUrl, charterDocumentName, token),
    ])
    const template = new Y.Doc()
    Y.applyUpdate(template, createCharterState())
    const sections = (ydoc: Y.Doc) => ydoc.getXmlFragment('default').length
    await eventually(() => {
      expect(sections(first.ydoc)).toBe(sections(template))
      expect(sections(second.ydoc)).toBe(sections(template))
    }, patience)
    const stored = await a.app.store.load(charterDocumentName)
    const fromLog = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(fromLog, update)
    expect(sections(fromLog)).toBe(sections(template))
  })

  it('converges and keeps every edit when one instance loses Redis for 10 s', async () => {
    const database = await sharedDatabase()
    const channels = prefix()
    const path = new TcpProxy(redisPort)
    proxies.push(path)
    const proxyPort = await path.start()
    const a = await startInstance(database, channels, 'a', proxyPort)
    const b = await startInstance(database, channels, 'b')
    await a.ensureDocument('shared')
    const { token } = await a.createAccount({ role: 'drafter' })
    const writers = [
      await connect(a.wsUrl, 'shared', token),
      await connect(b.wsUrl, 'shared', token),
      await connect(a.wsUrl, 'shared', token),
      await connect(b.wsUrl, 'shared', token),
    ]
    let written = 0
    const counters = writers.map(() => 0)
    const type = () =>
      writers.forEach((writer, column) => {
        writer.text.insert(0, `<w${column}n${counters[column]!++}>`)
        written++
      })
    await path.cut()
    await eventually(() => expect(a.app.bus?.healthy).toBe(false), patience)
    const outageEnds = Date.now() + 10_000
    while (Date.now() < outageEnds) {
      type()
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    // Durable meanwhile: A's writers' edits are in the store although B has not heard of them by Redis.
    await path.restore()
    type()
    await eventually(() => {
      const texts = writers.map((writer) => plainText(writer.text))
      for (const text of texts) expect(text).toBe(texts[0])
      const counts = tokens(texts[0]!)
      expect(counts.size).toBe(written)
      for (const count of counts.values()) expect(count).toBe(1)
    }, patience)
    // And the log holds every one of them.
    const log = new Y.Doc()
    for (const update of (await b.app.store.load('shared')).updates) Y.applyUpdate(log, update)
    const reader = await connect(b.wsUrl, 'shared', token)
    expect(tokens(plainText(reader.text)).size).toBe(written)
    await eventually(() => expect(a.app.bus?.healthy).toBe(true), patience)
  }, 90_000)

  it('closes a revoked session’s sockets on every instance within 5 s', async () => {
    const databaseUrl = await sharedDatabase()
    const channels = prefix()
    // The periodic re-check is slowed right down, so only the announcement over Redis can meet the 5 s.
    const env = (id: string) => ({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl(redisPort),
      REDIS_PREFIX: channels,
      INSTANCE_ID: id,
      SESSION_RECHECK_MS: '60000',
    })
    const a = await startTestServer({ dataDir: ownDataDir(), env: env('a') })
    const b = await startTestServer({ dataDir: ownDataDir(), env: env('b') })
    servers.push(a, b)
    await a.ensureDocument('shared')
    const { token, sessionId } = await a.createAccount({ role: 'drafter' })
    const closes: number[] = []
    for (const server of [a, b]) {
      const client = await connect(server.wsUrl, 'shared', token)
      client.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) closes.push(event.code)
      })
    }
    const started = Date.now()
    await a.app.stores.sessions.revokeSession(sessionId)
    await eventually(() => expect(closes.filter((code) => code === 4401).length).toBeGreaterThanOrEqual(2), {
      timeoutMs: 5000,
    })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('loses no relayed edit when an instance is SIGKILLed while 10 clients type; its clients move over', async () => {
    const databaseUrl = await sharedDatabase()
    const token = await seedDataDir(ownDataDir(), ['shared'], 'drafter', databaseUrl)
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl(redisPort),
      REDIS_PREFIX: prefix(),
      CLUSTER_CHECK_MS: '1000',
    }
    const victim = await spawnServer({ ...env, DATA_DIR: ownDataDir(), INSTANCE_ID: 'victim' })
    spawned.push(victim)
    const survivor = await spawnServer({ ...env, DATA_DIR: ownDataDir(), INSTANCE_ID: 'survivor' })
    spawned.push(survivor)
    // The "load balancer" of the victim's clients: after the kill it sends them to the survivor.
    const balancer = new TcpProxy(victim.port)
    proxies.push(balancer)
    const balancerPort = await balancer.start()
    const viaBalancer = `ws://127.0.0.1:${balancerPort}/collab`

    const writers: TestClient[] = []
    for (let index = 0; index < 10; index++) {
      writers.push(await connect(index % 2 === 0 ? viaBalancer : survivor.wsUrl, 'shared', token))
    }
    const observer = await connect(survivor.wsUrl, 'shared', token)
    const counters = writers.map(() => 0)
    const timers = writers.map((writer, column) =>
      setInterval(() => writer.text.insert(0, `<c${column}n${counters[column]!++}>`), 200),
    )
    // Kill while typing goes on, once edits made on each instance have reached the observer (a cold instance
    // may need seconds to start validating on a loaded machine).
    await eventually(() => {
      const seen = plainText(observer.text)
      expect(seen).toMatch(/<c0n\d+>/)
      expect(seen).toMatch(/<c1n\d+>/)
    }, patience)
    await new Promise((resolve) => setTimeout(resolve, 500))
    victim.child.kill('SIGKILL')
    await victim.exited
    // What the observer on the survivor received was committed (by either instance) before it was relayed.
    const acknowledged = tokens(plainText(observer.text))
    balancer.targetPort = survivor.port
    await new Promise((resolve) => setTimeout(resolve, 500))
    for (const timer of timers) clearInterval(timer)
    const written = counters.reduce((sum, count) => sum + count, 0)

    await eventually(() => {
      const texts = writers.map((writer) => plainText(writer.text))
      for (const text of texts) expect(text).toBe(plainText(observer.text))
      // Every edit typed, acknowledged or not, re-synced from its client: nothing lost, nothing twice.
      const counts = tokens(texts[0]!)
      expect(counts.size).toBe(written)
      for (const count of counts.values()) expect(count).toBe(1)
    }, patience)
    const reader = await connect(survivor.wsUrl, 'shared', token)
    const stored = tokens(plainText(reader.text))
    for (const token of acknowledged.keys()) expect(stored.has(token), token).toBe(true)
    expect(acknowledged.size).toBeGreaterThan(0)
  }, 300_000)
})
