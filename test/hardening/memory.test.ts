import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { scratchText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { canForceGc, countTokens, round, settledHeapMb, size, summary } from './support.ts'

/**
 * Connect → edit → disconnect over many documents, a few at a time (issue 6). Afterwards no room may stay
 * loaded, no connection may be counted, and the heap must be back near where it started.
 */
const cycles = size(1_500, 10_000)
const documents = size(150, 1_000)
const concurrency = 20
/** Allowed heap growth after the run; generous because `global.gc` is usually not exposed under vitest. */
const heapBoundMb = size(60, 100)

const documentName = (index: number) => `mem-${index}`

/** Parses the Prometheus text format loosely: sample lines and `# TYPE` lines. */
function parseMetrics(text: string): { samples: Map<string, number>; types: Map<string, string> } {
  const samples = new Map<string, number>()
  const types = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (line === '') continue
    const type = /^# TYPE (\S+) (\S+)$/.exec(line)
    if (type) {
      types.set(type[1]!, type[2]!)
      continue
    }
    if (line.startsWith('#')) continue
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{.*\})?) (\S+)(?: \d+)?$/.exec(line)
    if (!sample) throw new Error(`not a Prometheus sample line: ${line}`)
    samples.set(sample[1]!, Number(sample[2]))
  }
  return { samples, types }
}

describe('memory over many connect/edit/disconnect cycles', () => {
  let server: TestServer | null = null
  const clients = new Set<TestClient>()

  afterEach(async () => {
    for (const client of clients) client.destroy()
    clients.clear()
    await server?.stop({ removeData: true })
    server = null
  })

  it(`unloads every document and returns to baseline after ${cycles} cycles over ${documents} documents`, async () => {
    // Durability is not under test here (crashRecovery is): NORMAL spares an fsync per commit, so the run
    // measures the sync server rather than the disk.
    const current = await startTestServer({ env: { SQLITE_SYNCHRONOUS: 'NORMAL' } })
    server = current
    const params = { token: (await current.createAccount({ role: 'drafter' })).token }
    for (let index = 0; index < documents; index++) await current.ensureDocument(documentName(index))
    const { syncServer } = current.app

    async function cycle(index: number, name = documentName(index % documents)): Promise<void> {
      const client = await connectClient(current.wsUrl, name, { params })
      clients.add(client)
      client.text.insert(client.text.length, `<d${index % documents}k${index}>`)
      // Leave at once: the server handles the update before the close, so it must still be stored.
      client.destroy()
      clients.delete(client)
    }

    // Warm up (module caches, prepared statements, JIT) before taking the baseline.
    await current.ensureDocument('mem-warm-up')
    for (let index = 0; index < concurrency; index++) await cycle(index, 'mem-warm-up')
    await eventually(() => expect(syncServer.loadedDocumentNames).toEqual([]), { timeoutMs: 20_000 })
    const before = await settledHeapMb()

    const started = performance.now()
    let next = 0
    let peak = before
    let peakLoaded = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < cycles) {
          const index = next++
          await cycle(index)
          if (index % 250 === 0) {
            peak = Math.max(peak, process.memoryUsage().heapUsed / 1024 / 1024)
            peakLoaded = Math.max(peakLoaded, syncServer.loadedDocumentNames.length)
          }
        }
      }),
    )
    const elapsedMs = performance.now() - started

    await eventually(
      () => {
        expect(syncServer.connectionCount).toBe(0)
        expect(syncServer.loadedDocumentNames).toEqual([])
      },
      { timeoutMs: 30_000 },
    )
    const healthResponse = await fetch(`${current.httpUrl}/api/health`)
    const health = (await healthResponse.json()) as { connections: number; loadedDocuments: number }
    expect(health.connections).toBe(0)
    expect(health.loadedDocuments).toBe(0)

    // Every edit was stored, once: check a sample of documents straight from the store.
    for (const document of [0, 1, Math.floor(documents / 2), documents - 1]) {
      const stored = await current.app.store.load(documentName(document))
      const replay = new Y.Doc()
      for (const update of stored.updates) Y.applyUpdate(replay, update)
      const tokens = countTokens(scratchText(replay).toString(), /<d\d+k\d+>/g)
      replay.destroy()
      const expected = Array.from({ length: cycles }, (_, index) => index).filter(
        (index) => index % documents === document,
      ).length
      expect(tokens.size).toBe(expected)
      expect([...tokens].every(([token, count]) => count === 1 && token.startsWith(`<d${document}k`))).toBe(
        true,
      )
    }

    const after = await settledHeapMb()
    const metrics = await checkMetrics(current)
    summary('memory', {
      cycles,
      documents,
      concurrency,
      ms: Math.round(elapsedMs),
      cyclesPerSecond: round((cycles / elapsedMs) * 1000),
      forcedGc: canForceGc,
      heapBeforeMb: round(before),
      heapPeakMb: round(peak),
      heapAfterMb: round(after),
      heapGrowthMb: round(after - before),
      peakLoadedDocuments: peakLoaded,
      connectionsAfter: syncServer.connectionCount,
      loadedAfter: syncServer.loadedDocumentNames.length,
      metrics,
    })
    expect(after - before).toBeLessThan(heapBoundMb)
  }, 300_000)

  /**
   * GET /metrics, if the Prometheus endpoint exists yet (without it the SPA fallback answers with HTML, or
   * 404 without a built client): the text must parse, and any connection gauge must read 0 by now.
   */
  async function checkMetrics(current: TestServer): Promise<string> {
    const response = await fetch(`${current.httpUrl}/metrics`)
    const type = response.headers.get('content-type') ?? ''
    if (response.status === 404 || type.includes('text/html')) {
      await response.body?.cancel()
      return 'absent'
    }
    expect(response.status).toBe(200)
    const { samples, types } = parseMetrics(await response.text())
    const gauges = [...types].filter(([name, kind]) => kind === 'gauge' && /connection/.test(name))
    for (const [name] of gauges) {
      for (const [sample, value] of samples) {
        if (sample === name || sample.startsWith(`${name}{`)) expect(value, sample).toBe(0)
      }
    }
    return `${samples.size}-samples`
  }
})
