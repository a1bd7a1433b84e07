import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { UpgradeAuthenticator } from '../../server/sync/SyncServer.ts'
import { CloseCode, SyncMessageType } from '../../shared/protocol/index.ts'
import { scratchText, storedScratchText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { HoldableDocumentStore } from '../helpers/HoldableDocumentStore.ts'
import { syncMessage } from '../helpers/protocolMessages.ts'
import { joinedRoom, openRawSocket, type RawSocket } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

const documentName = 'limits-doc'

/** Authentication that answers upgrades whose URL contains `marker` only once released; counts every upgrade. */
function holdAuthentication(marker: string) {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  const held = {
    started: 0,
    release: () => release(),
    wrap:
      (authenticate: UpgradeAuthenticator): UpgradeAuthenticator =>
      async (request, name) => {
        held.started++
        if (request.url?.includes(marker)) await released
        return authenticate(request, name)
      },
  }
  return held
}

describe('limits and hostile input', () => {
  let server: TestServer
  const sockets: RawSocket[] = []
  const clients: TestClient[] = []

  async function start(env: Record<string, string> = {}) {
    server = await startTestServer({ env })
    await server.ensureDocument(documentName)
    return (await server.createAccount({ role: 'drafter' })).token
  }

  async function raw(token: string) {
    const socket = await openRawSocket(`${server.wsUrl}/${documentName}?token=${token}`)
    sockets.push(socket)
    return socket
  }

  afterEach(async () => {
    vi.restoreAllMocks()
    for (const socket of sockets.splice(0)) socket.socket.terminate()
    for (const client of clients.splice(0)) client.destroy()
    await server.stop({ removeData: true })
  })

  it('closes with 4408 a socket whose authentication does not finish in time, before loading the document', async () => {
    // Authentication is asynchronous (an account store may be remote); this one answers only when released.
    const held = holdAuthentication('slow=1')
    server = await startTestServer({
      env: { AUTH_DEADLINE_MS: '300' },
      wrapUpgradeAuthenticator: held.wrap,
    })
    await server.ensureDocument(documentName)
    const { token } = await server.createAccount({ role: 'drafter' })
    const opened = performance.now()
    const slow = await openRawSocket(`${server.wsUrl}/${documentName}?token=${token}&slow=1`)
    sockets.push(slow)
    const { code } = await slow.closed
    const closedAfterMs = Math.round(performance.now() - opened)
    console.log(`[limits] 4408 after ${closedAfterMs} ms (deadline 300 ms)`)
    expect(code).toBe(CloseCode.authTimeout)
    expect(closedAfterMs).toBeGreaterThanOrEqual(250)
    expect(held.started).toBe(1)
    expect(slow.messages).toEqual([])
    expect(server.app.syncServer.loadedDocumentNames).not.toContain(documentName)

    // A late answer for the closed socket changes nothing; a prompt one is served as usual.
    held.release()
    const prompt = await connectClient(server.wsUrl, documentName, { params: { token } })
    clients.push(prompt)
    expect(prompt.provider.wsconnected).toBe(true)
    await eventually(() => expect(server.app.syncServer.connectionCount).toBe(1))
  })

  it('closes a connection that sends a frame above the size limit with 1009', async () => {
    const token = await start({ MAX_MESSAGE_BYTES: '4096' })
    const socket = await raw(token)
    socket.send(new Uint8Array(8192))
    expect((await socket.closed).code).toBe(CloseCode.messageTooBig)
  })

  it('limits connections per address and per account with 1008, and frees the slot on close', async () => {
    const token = await start({ MAX_CONNECTIONS_PER_USER: '2' })
    const first = await raw(token)
    await raw(token)
    const third = await raw(token)
    expect((await third.closed).code).toBe(CloseCode.policy)
    first.socket.close()
    await first.closed
    await eventually(async () => {
      const again = await raw(token)
      await joinedRoom(again, { timeoutMs: 500 })
    })
    await server.stop({ removeData: true })

    await start({ MAX_CONNECTIONS_PER_ADDRESS: '3' })
    const tokens: string[] = []
    for (let index = 0; index < 4; index += 1)
      tokens.push((await server.createAccount({ role: 'observer' })).token)
    for (const each of tokens.slice(0, 3)) await raw(each)
    const fourth = await raw(tokens[3]!)
    expect((await fourth.closed).code).toBe(CloseCode.policy)
  })

  it('closes a connection that floods messages with 4429, and others go on', async () => {
    const token = await start({ MESSAGES_PER_SECOND: '20', MESSAGE_BURST: '40' })
    const watcher = await connectClient(server.wsUrl, documentName, {
      params: { token: (await server.createAccount()).token },
    })
    const writer = await connectClient(server.wsUrl, documentName, {
      params: { token: (await server.createAccount()).token },
    })
    clients.push(watcher, writer)
    const flooder = await raw(token)
    const stateVector = Y.encodeStateVector(new Y.Doc())
    for (let index = 0; index < 200; index++) flooder.send(syncMessage(SyncMessageType.step1, stateVector))
    expect((await flooder.closed).code).toBe(CloseCode.rateLimited)
    writer.text.insert(0, 'still fine')
    await eventually(() => expect(watcher.text.toString()).toBe('still fine'))
  })

  it('counts a flood sent while authentication is still running: 4429, and none of it is answered', async () => {
    const held = holdAuthentication('held=1')
    server = await startTestServer({
      env: { MESSAGES_PER_SECOND: '20', MESSAGE_BURST: '40' },
      wrapUpgradeAuthenticator: held.wrap,
    })
    await server.ensureDocument(documentName)
    const { token } = await server.createAccount({ role: 'drafter' })
    const flooder = await openRawSocket(`${server.wsUrl}/${documentName}?token=${token}&held=1`)
    sockets.push(flooder)
    const stateVector = Y.encodeStateVector(new Y.Doc())
    for (let index = 0; index < 200; index++) flooder.send(syncMessage(SyncMessageType.step1, stateVector))
    const { code } = await flooder.closed
    held.release()
    expect(code).toBe(CloseCode.rateLimited)
    expect(flooder.messages).toEqual([])
  })

  it('refuses content outside the schema that arrives through raw Yjs, before storing it', async () => {
    const token = await start()
    const socket = await raw(token)
    const hostile = new Y.Doc()
    const element = new Y.XmlElement('iframe')
    hostile.getXmlFragment('default').insert(0, [element])
    element.setAttribute('onload', 'alert(1)')
    socket.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(hostile)))
    const { code, reason } = await socket.closed
    expect(code).toBe(CloseCode.badRequest)
    expect(reason).toMatch(/iframe|event-handler/)
    expect((await server.app.store.load(documentName)).updates).toHaveLength(0)
  })

  it('refuses an update that would take a document past its size limit with 1009, storing nothing', async () => {
    const token = await start({ MAX_DOCUMENT_BYTES: '4096' })
    const socket = await raw(token)
    const big = new Y.Doc()
    scratchText(big).insert(0, 'x'.repeat(8000))
    socket.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(big)))
    expect((await socket.closed).code).toBe(CloseCode.messageTooBig)
    expect((await server.app.store.load(documentName)).updates).toHaveLength(0)
    const small = await connectClient(server.wsUrl, documentName, { params: { token } })
    clients.push(small)
    small.text.insert(0, 'fits')
    await eventually(async () =>
      expect(storedScratchText((await server.app.store.load(documentName)).updates)).toBe('fits'),
    )
  })

  it('closes a slow consumer that stops reading with 1008 instead of buffering without bound', async () => {
    const token = await start({ MAX_BUFFERED_BYTES: '65536' })
    const stalled = await raw(token)
    await joinedRoom(stalled)
    // The client stops reading from its TCP socket; the server's send buffer then grows.
    const tcp = (stalled.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket
    tcp.pause()
    // The server runs in this process: watch it start the closing handshake, so the client can read again in
    // time to receive the close frame (the server terminates a consumer that does not answer within 1 s).
    const closeCalls = vi.spyOn(WebSocket.prototype, 'close')
    const closedAsSlow = () => closeCalls.mock.calls.some(([code]) => code === CloseCode.policy)
    const writer = await raw((await server.createAccount({ role: 'drafter' })).token)
    const source = new Y.Doc()
    await eventually(
      () => {
        const before = Y.encodeStateVector(source)
        const text = scratchText(source)
        text.insert(text.length, 'y'.repeat(200_000))
        writer.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(source, before)))
        expect(closedAsSlow()).toBe(true)
      },
      { timeoutMs: 20_000, intervalMs: 20 },
    )
    tcp.resume()
    const { code, reason } = await stalled.closed
    expect({ code, reason }).toEqual({ code: CloseCode.policy, reason: 'slow consumer' })
    await eventually(() => expect(server.app.syncServer.connectionCount).toBe(1))
    // The writer is still served.
    expect(writer.socket.readyState).toBe(writer.socket.OPEN)
  })

  it('closes with 1008 a client that sends too much before its document is ready', async () => {
    // The document stays "not ready" for as long as its load is held: frames wait in memory, within a budget.
    let store: HoldableDocumentStore | null = null
    server = await startTestServer({
      env: { PRE_AUTH_BUDGET_BYTES: '2048' },
      wrapDocumentStore: (sqlite) => {
        store = new HoldableDocumentStore(sqlite)
        return store
      },
    })
    await server.ensureDocument(documentName)
    const token = (await server.createAccount({ role: 'drafter' })).token
    const held = store as HoldableDocumentStore | null
    if (!held) throw new Error('the test store was not installed')
    held.holdLoads()
    const socket = await raw(token)
    await eventually(() => expect(held.waitingLoads).toBe(1))
    const stateVector = Y.encodeStateVector(new Y.Doc())
    for (let index = 0; index < 200; index++) socket.send(syncMessage(SyncMessageType.step1, stateVector))
    socket.send(new Uint8Array(4096))
    const closed = await socket.closed
    held.releaseLoads()
    expect(closed).toEqual({ code: CloseCode.policy, reason: 'too much data before the document was ready' })
  })

  it('serves Prometheus metrics to loopback only, or to the metrics token', async () => {
    const token = await start()
    const client = await connectClient(server.wsUrl, documentName, { params: { token } })
    clients.push(client)
    client.text.insert(0, 'measured')
    const bad = await raw(token)
    bad.send(new Uint8Array([99]))
    await bad.closed
    await eventually(async () => {
      const text = await (await fetch(`${server.httpUrl}/metrics`)).text()
      // prom-client: every series carries the instance label; Node's default process metrics come along.
      expect(text).toMatch(/charterdesk_connections\{instance="[^"]+"\} \d+/)
      expect(text).toMatch(/charterdesk_loaded_documents\{instance="[^"]+"\} 1/)
      expect(text).toMatch(/charterdesk_messages_received_total\{instance="[^"]+"\} \d+/)
      expect(text).toMatch(/charterdesk_connections_closed_total\{code="4400",instance="[^"]+"\} 1/)
      expect(text).toMatch(
        /charterdesk_store_seconds_bucket\{le="\+Inf",instance="[^"]+",operation="append"\} \d+/,
      )
      expect(text).toContain(`charterdesk_document_bytes{document="${documentName}",instance=`)
      expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds\{instance="[^"]+"\}/)
      expect(text).toMatch(/nodejs_gc_duration_seconds_count\{/)
      expect(text).toMatch(/nodejs_heap_size_used_bytes\{instance="[^"]+"\}/)
    })
    await server.stop({ removeData: true })
    await start({ METRICS_TOKEN: 'operator-secret' })
    expect((await fetch(`${server.httpUrl}/metrics`)).status).toBe(403)
    const allowed = await fetch(`${server.httpUrl}/metrics`, {
      headers: { Authorization: 'Bearer operator-secret' },
    })
    expect(allowed.status).toBe(200)
  })
})
