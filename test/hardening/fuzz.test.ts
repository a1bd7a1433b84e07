import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  CloseCode,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeUpdate,
} from '../../shared/protocol/index.ts'
import { scratchText, storedScratchText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { openRawSocket } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import type { FuzzStats } from './fuzzFrames.ts'
import type { FuzzSenderConfig } from './fuzzSender.ts'
import { selfParentedUpdates } from './selfParentedUpdate.ts'
import { fullMode, percentile, round, seedFrom, settledHeapMb, size, sleep, summary } from './support.ts'
import { unintegrableUpdate } from './unintegrableUpdate.ts'

/**
 * Protocol fuzzing (issue 6): real frames captured from a stock client session, mutated (bit flips,
 * truncation, lying and huge lengths, wrong type bytes, random bytes, text frames, oversized frames …) and sent
 * over many sockets to a live in-process server, while two control clients keep editing another document and
 * measure their round trip. The senders run in a child process (fuzzSender.ts) so that they do not share the
 * server's event loop. `FUZZ_SEED=<seed>` replays the same frame sequence per socket (which frames reach the
 * server before it closes a socket depends on timing). `FUZZ_RTT_BOUND_MS` overrides the 200 ms bound;
 * `FUZZ_MUTATIONS=valid,bitflip` narrows the mix; `FUZZ_DEBUG=1` records the frames of sockets that sent
 * only unmutated frames yet were closed (printed by the failing assertion).
 */
const totalFrames = size(20_000, 100_000)
/** Sockets sending at the same time. */
const workers = 12
/** The fuzzed documents (catalogued, drafter access); the control clients edit another one. */
const fuzzDocuments = ['fuzz-0', 'fuzz-1', 'fuzz-2', 'fuzz-3']
const controlDocument = 'fuzz-control'
const maxMessageBytes = 64 * 1024
// Issue 6: a control round trip under 200 ms throughout; full mode (HARDENING_FULL=1, an otherwise idle machine)
// holds every sample to that. In CI mode the same 2-core machine also runs the fuzz senders, vitest, other test
// files and often Chromium, so the bound there only catches a stall (p95 under 1 s, no sample over 3 s); the real
// figures are printed in the summary line.
const rttBoundMs = Number(process.env.FUZZ_RTT_BOUND_MS ?? size(1000, 200))
const rttOutlierBoundMs = fullMode ? rttBoundMs : 3 * rttBoundMs
const heapBoundMb = size(100, 150)
const senderScript = path.join(import.meta.dirname, 'fuzzSender.ts')
const projectRoot = path.resolve(import.meta.dirname, '../..')

/** Runs the senders in a child process and returns their statistics. */
async function runSenders(config: Omit<FuzzSenderConfig, 'resultPath'>): Promise<FuzzStats> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-desk-fuzz-'))
  const configPath = path.join(directory, 'config.json')
  const resultPath = path.join(directory, 'result.json')
  fs.writeFileSync(configPath, JSON.stringify({ ...config, resultPath }))
  const child = spawn(process.execPath, ['--import', 'tsx', senderScript, configPath], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stdout.resume()
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  try {
    if (code !== 0 || !fs.existsSync(resultPath))
      throw new Error(`fuzz sender failed (exit ${code}):\n${stderr}`)
    return JSON.parse(fs.readFileSync(resultPath, 'utf8')) as FuzzStats
  } finally {
    fs.rmSync(directory, { recursive: true, force: true })
  }
}

/** Records every binary frame a y-websocket provider sends or receives. */
function recordingWebSocket(sink: Uint8Array[]): typeof globalThis.WebSocket {
  class RecordingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols)
      const send = this.send.bind(this) as (data: Uint8Array) => void
      this.send = ((data: Uint8Array) => {
        sink.push(Uint8Array.from(data))
        send(data)
      }) as WebSocket['send']
      // The provider sets binaryType 'arraybuffer'; copy whatever shape the frame arrives in.
      this.on('message', (data: WebSocket.RawData) => {
        const chunks = Array.isArray(data) ? data : data instanceof ArrayBuffer ? [Buffer.from(data)] : [data]
        sink.push(Uint8Array.from(Buffer.concat(chunks)))
      })
    }
  }
  return RecordingWebSocket as unknown as typeof globalThis.WebSocket
}

/** A short stock-client session with rich content (text, formats, embeds, XML, maps, awareness), recorded. */
async function captureFrames(server: TestServer, token: string): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = []
  const Recording = recordingWebSocket(frames)
  const providers: WebsocketProvider[] = []
  const docs: Y.Doc[] = []
  for (let index = 0; index < 2; index++) {
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(server.wsUrl, 'fuzz-capture', ydoc, {
      WebSocketPolyfill: Recording,
      disableBc: true,
      params: { token },
    })
    providers.push(provider)
    docs.push(ydoc)
  }
  await eventually(() => expect(providers.every((provider) => provider.synced)).toBe(true))
  const [first, second] = docs as [Y.Doc, Y.Doc]
  const [firstProvider, secondProvider] = providers as [WebsocketProvider, WebsocketProvider]
  firstProvider.awareness.setLocalStateField('cursor', { anchor: 1, head: 4 })
  secondProvider.awareness.setLocalStateField('user', { name: 'Mallory', color: '#ff0000' })
  // Editor-shaped content only (the server refuses anything else): formatting, a deletion, a section, a list.
  const text = scratchText(first)
  text.insert(0, 'Article 1. The Parties shall cooperate.')
  text.format(0, 10, { bold: {} })
  text.insert(5, 'closely ', { italic: {}, link: { href: 'https://example.org' } })
  text.delete(3, 4)
  const section = new Y.XmlElement('charterSection')
  section.setAttribute('area', 'connectivity')
  const heading = new Y.XmlElement('heading')
  heading.setAttribute('level', 2 as unknown as string)
  heading.insert(0, [new Y.XmlText('Connectivity corridors')])
  section.insert(0, [heading])
  first.getXmlFragment('default').insert(0, [section])
  const list = new Y.XmlElement('bulletList')
  const item = new Y.XmlElement('listItem')
  const point = new Y.XmlElement('paragraph')
  point.insert(0, [new Y.XmlText('first point')])
  item.insert(0, [point])
  list.insert(0, [item])
  second.getXmlFragment('default').insert(0, [list])
  scratchText(second).insert(0, 'Preamble. ')
  await eventually(() => expect(scratchText(second).toString()).toBe(scratchText(first).toString()))
  firstProvider.awareness.setLocalState(null)
  await sleep(50)
  for (const provider of providers) provider.destroy()
  for (const doc of docs) doc.destroy()
  // Hand-made frames that a session rarely shows: query awareness, an empty state vector, a removed state.
  frames.push(encodeQueryAwareness())
  frames.push(encodeSyncStep1(Uint8Array.of(0)))
  frames.push(encodeAwareness(encodeAwarenessEntries([{ clientId: 7, clock: 1, state: 'null' }])))
  const unique = new Map<string, Uint8Array>()
  for (const frame of frames.filter((candidate) => candidate.length > 0))
    unique.set(Buffer.from(frame).toString('base64'), frame)
  return [...unique.values()]
}

describe('protocol fuzzing against a live server', () => {
  let server: TestServer | null = null
  const clients: TestClient[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.stop({ removeData: true })
    server = null
  })

  it(
    `survives ${totalFrames} random and mutated frames with the control round trip intact`,
    async () => {
      const seed = seedFrom('FUZZ_SEED')
      console.log(`[hardening] fuzz seed=${seed} (replay with FUZZ_SEED=${seed})`)
      const current = await startTestServer({
        env: {
          MAX_MESSAGE_BYTES: String(maxMessageBytes),
          // Many sockets from one address and one account are the point here.
          MAX_CONNECTIONS_PER_ADDRESS: '1000',
          MAX_CONNECTIONS_PER_USER: '1000',
        },
      })
      server = current
      for (const name of [...fuzzDocuments, controlDocument, 'fuzz-capture'])
        await current.ensureDocument(name)
      const fuzzToken = (await current.createAccount({ role: 'drafter' })).token
      const controlToken = (await current.createAccount({ role: 'drafter' })).token
      const seeds = await captureFrames(current, fuzzToken)
      expect(seeds.length).toBeGreaterThan(10)

      const params = { token: controlToken }
      const alice = await connectClient(current.wsUrl, controlDocument, { params })
      const bob = await connectClient(current.wsUrl, controlDocument, { params })
      clients.push(alice, bob)
      const controlCloses: number[] = []
      for (const control of [alice, bob]) {
        control.provider.on('connection-close', (event: CloseEvent | null) => {
          if (event) controlCloses.push(event.code)
        })
      }
      await eventually(() => expect(current.app.syncServer.loadedDocumentNames).not.toContain('fuzz-capture'))
      const heapBefore = await settledHeapMb()

      // Control round trips every ~250 ms: insert on one side, time until the other side has it.
      const rtts: number[] = []
      const controlTokens: string[] = []
      let sampling = true
      const sampler = (async () => {
        for (let sample = 0; sampling; sample++) {
          const [from, to] = sample % 2 === 0 ? [alice, bob] : [bob, alice]
          const token = `<s${sample}>`
          let observer = () => {}
          const arrived = new Promise<boolean>((resolve) => {
            observer = () => {
              if (to.text.toString().endsWith(token)) resolve(true)
            }
            to.text.observe(observer)
          })
          const started = performance.now()
          from.text.insert(from.text.length, token)
          controlTokens.push(token)
          const inTime = await Promise.race([arrived, sleep(5_000).then(() => false)])
          to.text.unobserve(observer)
          rtts.push(inTime ? performance.now() - started : Number.POSITIVE_INFINITY)
          await sleep(250)
        }
      })()

      const started = performance.now()
      const stats = await runSenders({
        urls: fuzzDocuments.map((name) => `${current.wsUrl}/${name}?token=${fuzzToken}`),
        seeds: seeds.map((frame) => Buffer.from(frame).toString('base64')),
        totalFrames,
        workers,
        seed,
        deadlineMs: size(90_000, 600_000),
        maxMessageBytes,
      })
      const fuzzMs = performance.now() - started
      sampling = false
      await sampler

      // The process is up and healthy, and only the control clients remain.
      const health = await fetch(`${current.httpUrl}/api/health`)
      expect(health.status).toBe(200)
      await eventually(() => expect(current.app.syncServer.connectionCount).toBe(2), { timeoutMs: 20_000 })
      await eventually(() => expect(current.app.syncServer.loadedDocumentNames).toEqual([controlDocument]), {
        timeoutMs: 20_000,
      })

      // The control document is intact: both sides, and a fresh reader, have exactly the sampled tokens in order.
      const expectedText = controlTokens.join('')
      await eventually(() => {
        expect(alice.text.toString()).toBe(expectedText)
        expect(bob.text.toString()).toBe(expectedText)
      })
      const reader = await connectClient(current.wsUrl, controlDocument, { params })
      clients.push(reader)
      expect(reader.text.toString()).toBe(expectedText)

      // Everything stored decodes and replays; every fuzzed document loads again.
      await current.app.syncServer.flush()
      let storedUpdates = 0
      const undecodable: string[] = []
      for (const name of [...fuzzDocuments, controlDocument]) {
        const stored = await current.app.store.load(name)
        const replay = new Y.Doc()
        for (const [index, update] of stored.updates.entries()) {
          storedUpdates++
          try {
            Y.decodeUpdate(update)
            Y.applyUpdate(replay, update)
          } catch (error) {
            // The bytes, so that a failure seen once (timing decides what is batched and compacted) can be studied.
            const bytes = Buffer.from(update).toString('base64')
            undecodable.push(
              `${name}#${index}: ${String(error)} (${update.byteLength} bytes, base64 ${bytes.slice(0, 2000)})`,
            )
          }
        }
        replay.destroy()
      }
      for (const name of fuzzDocuments) {
        const probe = await connectClient(current.wsUrl, name, { params: { token: fuzzToken } })
        probe.destroy()
      }

      const heapAfter = await settledHeapMb()
      const rttMax = Math.max(...rtts)
      const rttP95 = percentile(rtts, 0.95)
      summary('fuzz', {
        seed,
        frames: stats.frames,
        sockets: stats.sockets,
        seeds: seeds.length,
        ms: Math.round(fuzzMs),
        framesPerSecond: Math.round((stats.frames / fuzzMs) * 1000),
        closeCodes: Object.entries(stats.closeCodes)
          .map(([code, count]) => `${code}:${count}`)
          .join(','),
        knownBug1011: stats.knownBug.length,
        innocentClosed: stats.innocentClosed.length,
        rttSamples: rtts.length,
        rttMaxMs: round(rttMax),
        rttP95Ms: round(rttP95),
        rttMedianMs: round(percentile(rtts, 0.5)),
        heapBeforeMb: round(heapBefore),
        heapAfterMb: round(heapAfter),
        storedUpdates,
      })
      console.log(
        `[hardening] fuzz mutations ${Object.entries(stats.byMutation)
          .map(([name, count]) => `${name}:${count}`)
          .join(' ')}`,
      )
      if (stats.knownBug.length > 0) {
        console.log(
          `[hardening] fuzz known-bug closes (1011) after: ${JSON.stringify(stats.knownBug.slice(0, 3))}`,
        )
      }

      expect(stats.frames).toBeGreaterThanOrEqual(totalFrames)
      expect(stats.unexpected.slice(0, 5)).toEqual([])
      expect(stats.innocentClosed).toEqual([])
      expect(controlCloses).toEqual([])
      expect(undecodable).toEqual([])
      expect(rtts.length).toBeGreaterThan(3)
      expect(rttMax).toBeLessThan(rttOutlierBoundMs)
      expect(rttP95).toBeLessThan(rttBoundMs)
      expect(heapAfter - heapBefore).toBeLessThan(heapBoundMb)
    },
    size(180_000, 900_000),
  )

  it('has a pinned update that decodes but cannot be applied (premise of the next test)', () => {
    expect(() => Y.decodeUpdate(unintegrableUpdate)).not.toThrow()
    expect(() => Y.applyUpdate(new Y.Doc(), unintegrableUpdate)).toThrow()
  })

  // Found by the fuzzer above: such updates used to be stored before Yjs threw on them (1011, part relayed, the
  // document unloadable after a crash). Each update is now applied to a shadow copy of the live document first.
  it('refuses an update that decodes but cannot be applied: 4400, not stored, nothing relayed', async () => {
    const current = await startTestServer()
    server = current
    await current.ensureDocument('doc-unintegrable')
    const { token } = await current.createAccount({ role: 'drafter' })
    const keeper = await connectClient(current.wsUrl, 'doc-unintegrable', { params: { token } })
    clients.push(keeper)
    keeper.text.insert(0, 'intact')
    await eventually(async () =>
      expect(storedScratchText((await current.app.store.load('doc-unintegrable')).updates)).toBe('intact'),
    )

    const raw = await openRawSocket(`${current.wsUrl}/doc-unintegrable?token=${token}`)
    raw.send(encodeUpdate(unintegrableUpdate))
    const { code } = await raw.closed
    await sleep(100)
    const stored = await current.app.store.load('doc-unintegrable')
    const storedIt = stored.updates.some((update) =>
      Buffer.from(update).equals(Buffer.from(unintegrableUpdate)),
    )
    console.log(
      `[hardening] fuzz pinned-unintegrable closeCode=${code} stored=${storedIt} keeperText=${JSON.stringify(keeper.text.toString())}`,
    )
    expect(code).toBe(CloseCode.badRequest)
    expect(storedIt).toBe(false)
    expect(keeper.text.toString()).toBe('intact')

    // One that applies to an empty document (it waits as pending) but throws against this one.
    const { first, second } = selfParentedUpdates()
    const sender = await openRawSocket(`${current.wsUrl}/doc-unintegrable?token=${token}`)
    sender.send(encodeUpdate(first))
    sender.send(encodeUpdate(second))
    const refused = await sender.closed
    const log = (await current.app.store.load('doc-unintegrable')).updates
    console.log(`[hardening] fuzz self-parented closeCode=${refused.code} reason="${refused.reason}"`)
    expect(refused.code).toBe(CloseCode.badRequest)
    expect(log.some((update) => Buffer.from(update).equals(Buffer.from(second)))).toBe(false)
    const replay = new Y.Doc()
    for (const update of log) Y.applyUpdate(replay, update)
    expect(scratchText(replay).toString()).toBe('intact')
  })
})
