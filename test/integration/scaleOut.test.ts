import { afterEach, describe, expect, it } from 'vitest'
import type { ClusterBus } from '../../server/cluster/ClusterBus.ts'
import { MemoryClusterBus } from '../../server/cluster/MemoryClusterBus.ts'
import { plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { LossyClusterBus } from '../helpers/LossyClusterBus.ts'
import { createDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.ts'

/**
 * Two instances in one process over one database and an in-process bus: the scale-out's ordering, gap repair
 * and fan-out without Redis (the Redis and PostgreSQL runs are in scaleOutRedis.test.ts).
 */
/** Generous: on a loaded CI machine the validation worker alone can take many seconds to start. */
const patience = { timeoutMs: 30_000 }

describe('two instances over one store', () => {
  const servers: TestServer[] = []
  const clients: TestClient[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.stop()
  })

  async function startPair(wrap: (bus: ClusterBus) => ClusterBus = (bus) => bus, clusterCheckMs = 60_000) {
    const dataDir = createDataDir()
    const network = new Set<MemoryClusterBus>()
    const env = { CLUSTER_CHECK_MS: String(clusterCheckMs) }
    const a = await startTestServer({ dataDir, env, clusterBus: wrap(new MemoryClusterBus('a', network)) })
    const b = await startTestServer({ dataDir, env, clusterBus: wrap(new MemoryClusterBus('b', network)) })
    servers.push(a, b)
    await a.ensureDocument('shared')
    const { token } = await a.createAccount({ role: 'drafter' })
    return { a, b, token }
  }

  async function connect(server: TestServer, token: string): Promise<TestClient> {
    const client = await connectClient(server.wsUrl, 'shared', { params: { token } })
    clients.push(client)
    return client
  }

  it('lets clients on two instances edit one document and converge', async () => {
    const { a, b, token } = await startPair()
    const alice = await connect(a, token)
    const bob = await connect(b, token)
    alice.text.insert(0, 'Alice on A. ')
    bob.text.insert(0, 'Bob on B. ')
    await eventually(() => {
      expect(plainText(alice.text)).toBe(plainText(bob.text))
      expect(plainText(alice.text)).toContain('Alice on A.')
      expect(plainText(alice.text)).toContain('Bob on B.')
    }, patience)
    // Awareness crosses too: Bob sees Alice's presence.
    alice.provider.awareness.setLocalStateField('cursor', { at: 1 })
    await eventually(
      () => expect(bob.provider.awareness.getStates().has(alice.ydoc.clientID)).toBe(true),
      patience,
    )
  })

  it('converges with every third message dropped (gap repair from the store)', async () => {
    const buses: LossyClusterBus[] = []
    // A dropped message is noticed when a later one from the same instance arrives out of sequence. The last
    // messages have none after them: which ones are dropped depends on how the edits were batched, so on the
    // machine's load. The periodic check (5 s in production) is what repairs those; here it runs every second.
    const { a, b, token } = await startPair((bus) => {
      const lossy = new LossyClusterBus(bus, 3)
      buses.push(lossy)
      return lossy
    }, 1000)
    const writers = [
      await connect(a, token),
      await connect(b, token),
      await connect(a, token),
      await connect(b, token),
    ]
    for (let round = 0; round < 30; round++) {
      for (const [index, writer] of writers.entries()) writer.text.insert(0, `${index}:${round} `)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await eventually(() => {
      const texts = writers.map((writer) => plainText(writer.text))
      for (const text of texts) expect(text).toBe(texts[0])
      for (let round = 0; round < 30; round++)
        for (let index = 0; index < 4; index++) expect(texts[0]).toContain(`${index}:${round} `)
    }, patience)
    expect(buses.reduce((sum, bus) => sum + bus.dropped, 0)).toBeGreaterThan(0)
  }, 90_000)

  it('closes a revoked session’s sockets on every instance within 5 s', async () => {
    const { a, b } = await startPair()
    const { token, sessionId } = await a.createAccount({ role: 'drafter' })
    const onA = await connect(a, token)
    const onB = await connect(b, token)
    const closes: number[] = []
    for (const client of [onA, onB]) {
      client.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) closes.push(event.code)
      })
      client.provider.shouldConnect = true
    }
    const started = Date.now()
    await a.app.stores.sessions.revokeSession(sessionId)
    await eventually(() => expect(closes.filter((code) => code === 4401).length).toBeGreaterThanOrEqual(2), {
      timeoutMs: 5000,
    })
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
