import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { scratchText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { countTokens, Random, round, seedFrom, sleep, summary } from './support.ts'

/** Close codes a provider saw (null events, from our own `disconnect()`, are left out). */
function recordCloses(client: TestClient): number[] {
  const codes: number[] = []
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) codes.push(event.code)
  })
  return codes
}

function duplicatesIn(text: string, pattern: RegExp): string[] {
  return [...countTokens(text, pattern)].filter(([, count]) => count > 1).map(([token]) => token)
}

interface Health {
  connections: number
  loadedDocuments: number
}

async function health(server: TestServer): Promise<Health> {
  const response = await fetch(`${server.httpUrl}/api/health`)
  expect(response.status).toBe(200)
  return (await response.json()) as Health
}

/** Opens a socket and abandons it at a random stage: mid-handshake, right after open, or after a frame. */
function flickerSocket(url: string, random: Random): Promise<void> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url)
    const stage = random.int(0, 2)
    socket.on('error', () => {})
    socket.on('close', () => resolve())
    if (stage === 0) {
      setTimeout(() => socket.terminate(), random.int(0, 3))
      return
    }
    socket.on('open', () => {
      if (stage === 1) socket.close()
    })
    socket.on('message', () => {
      if (stage === 2) socket.terminate()
    })
  })
}

describe('reconnects', () => {
  let server: TestServer | null = null
  const clients: TestClient[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.stop({ removeData: true })
    server = null
  })

  it('survives five in-place server restarts with a client that keeps its Y.Doc, without duplicating content', async () => {
    const cycles = 5
    const documentName = 'doc-restarts'
    let current = await startTestServer()
    server = current
    const { port, dataDir } = current
    const params = { token: (await current.createAccount({ role: 'drafter' })).token }
    await current.ensureDocument(documentName)
    const client = await connectClient(current.wsUrl, documentName, { params })
    clients.push(client)
    const closes = recordCloses(client)
    const tokenPattern = /<c\d+(on|off)\d+>/g
    const perCycle = 25
    const started = performance.now()

    for (let cycle = 0; cycle < cycles; cycle++) {
      // Online edits, some still in flight when the server stops.
      for (let index = 0; index < perCycle; index++) {
        client.text.insert(index % 2 === 0 ? 0 : client.text.length, `<c${cycle}on${index}>`)
        if (index % 5 === 0) await sleep(1)
      }
      await current.stop()
      // Offline edits while the server is down: sent when the provider reconnects on its own.
      for (let index = 0; index < perCycle; index++) {
        client.text.insert(index % 2 === 0 ? 0 : client.text.length, `<c${cycle}off${index}>`)
      }
      current = await startTestServer({ dataDir, env: { PORT: String(port) } })
      server = current
      expect(current.port).toBe(port)
      await eventually(() => expect(client.provider.wsconnected && client.provider.synced).toBe(true), {
        timeoutMs: 15_000,
      })
      const probe = await connectClient(current.wsUrl, documentName, { params })
      clients.push(probe)
      await eventually(() => expect(probe.text.toString()).toBe(client.text.toString()))
      expect(duplicatesIn(probe.text.toString(), tokenPattern)).toEqual([])
      probe.destroy()
    }

    const expected = cycles * perCycle * 2
    expect(countTokens(client.text.toString(), tokenPattern).size).toBe(expected)
    expect(duplicatesIn(client.text.toString(), tokenPattern)).toEqual([])
    // The store itself, replayed into a fresh document, has the same text once.
    await current.app.syncServer.flush()
    const stored = await current.app.store.load(documentName)
    const replay = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(replay, update)
    expect(scratchText(replay).toString()).toBe(client.text.toString())
    replay.destroy()
    // Only "going away" (transient) or connection failures while the server was down; never a terminal code.
    expect(closes.filter((code) => code >= 4400 && code <= 4499)).toEqual([])
    summary('reconnects.restarts', {
      cycles,
      tokens: expected,
      duplicates: 0,
      storedUpdates: stored.updates.length,
      closeCodes: [...new Set(closes)].join('/'),
      ms: Math.round(performance.now() - started),
    })
  }, 90_000)

  it('leaves exactly one live connection after 20 reconnects in two seconds', async () => {
    const seed = seedFrom('RECONNECT_SEED')
    const random = new Random(seed)
    const documentName = 'doc-flicker'
    server = await startTestServer()
    const current = server
    await current.ensureDocument(documentName)
    const params = { token: (await current.createAccount({ role: 'drafter' })).token }
    const client = await connectClient(current.wsUrl, documentName, { params })
    clients.push(client)
    client.text.insert(0, 'steady text')

    const started = performance.now()
    // Ten provider-level reconnects (disconnect()/connect(), as a flaky network or a sleeping laptop causes) ...
    for (let index = 0; index < 10; index++) {
      client.provider.disconnect()
      await sleep(random.int(0, 40))
      client.provider.connect()
      await sleep(random.int(0, 60))
    }
    // ... and ten raw sockets of the same user abandoned mid-handshake, right after opening or after a frame.
    const rawUrl = `${current.wsUrl}/${documentName}?token=${params.token}`
    await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        await sleep(index * random.int(0, 40))
        await flickerSocket(rawUrl, random)
      }),
    )
    // About 1.5 s of scheduled pauses; the bound only checks the reconnects stayed a burst on a loaded machine.
    const flickerMs = performance.now() - started
    expect(flickerMs).toBeLessThan(10_000)

    await eventually(async () => {
      expect(client.provider.wsconnected && client.provider.synced).toBe(true)
      expect(current.app.syncServer.connectionCount).toBe(1)
      expect((await health(current)).connections).toBe(1)
    })
    expect(current.app.syncServer.loadedDocumentNames).toEqual([documentName])
    // The surviving connection works both ways.
    const peer = await connectClient(current.wsUrl, documentName, { params })
    clients.push(peer)
    // The client's reply to the server's sync step 1 after its last reconnect may still be on its way when the
    // peer syncs (y-websocket's "synced" only means the server's state arrived): the peer converges on it.
    await eventually(() => expect(peer.text.toString()).toBe('steady text'))
    peer.text.insert(0, 'still live: ')
    await eventually(() => expect(client.text.toString()).toBe('still live: steady text'))
    for (const open of clients.splice(0)) open.destroy()
    await eventually(() => {
      expect(current.app.syncServer.connectionCount).toBe(0)
      expect(current.app.syncServer.loadedDocumentNames).toEqual([])
    })
    summary('reconnects.flicker', {
      seed,
      reconnects: 20,
      flickerMs: Math.round(flickerMs),
      liveConnectionsAfter: 1,
      loadedAfterLeaving: 0,
    })
  }, 30_000)

  it('catches up after 10,000 offline edits within the limits', async () => {
    const seed = seedFrom('RECONNECT_SEED')
    const random = new Random(seed)
    const documentName = 'doc-offline'
    server = await startTestServer()
    const current = server
    await current.ensureDocument(documentName)
    const params = { token: (await current.createAccount({ role: 'drafter' })).token }
    const writer = await connectClient(current.wsUrl, documentName, { params })
    const reader = await connectClient(current.wsUrl, documentName, { params })
    clients.push(writer, reader)
    const writerCloses = recordCloses(writer)
    const readerCloses = recordCloses(reader)
    writer.text.insert(0, 'Article 1. ')
    await eventually(() => expect(reader.text.toString()).toBe('Article 1. '))

    writer.provider.disconnect()
    await eventually(() => expect(writer.provider.wsconnected).toBe(false))
    const edits = 10_000
    let inserts = 0
    let deletes = 0
    for (let index = 0; index < edits; index++) {
      const length = writer.text.length
      if (length > 20 && random.chance(0.2)) {
        writer.text.delete(random.int(0, length - 1), 1)
        deletes++
      } else {
        writer.text.insert(random.int(0, length), random.pick(['a', 'b', 'c', ' ', 'de', 'f.']))
        inserts++
      }
    }
    expect(reader.text.toString()).toBe('Article 1. ')
    const offlineState = Y.encodeStateAsUpdate(writer.ydoc).byteLength

    const reconnected = performance.now()
    writer.provider.connect()
    await eventually(() => expect(reader.text.toString()).toBe(writer.text.toString()), { timeoutMs: 20_000 })
    const catchUpMs = performance.now() - reconnected
    await eventually(() => expect(writer.provider.synced).toBe(true))
    // A late close (rate limit, size limit) would show up here.
    await sleep(200)
    expect(writerCloses).toEqual([])
    expect(readerCloses).toEqual([])
    expect(writer.provider.wsconnected).toBe(true)
    // A third client, loading from the server only, agrees.
    const late = await connectClient(current.wsUrl, documentName, { params })
    clients.push(late)
    expect(late.text.toString()).toBe(writer.text.toString())
    summary('reconnects.offline', {
      seed,
      edits,
      inserts,
      deletes,
      stateBytes: offlineState,
      textLength: writer.text.length,
      catchUpMs: round(catchUpMs),
      closeCodes: 'none',
    })
  }, 60_000)
})
