import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { getSchema, type JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import type { Page } from 'playwright-core'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate, documentField } from '../../shared/schema/index.ts'
import { launchBrowser } from '../../test/helpers/launchBrowser.ts'
import { offlineCacheCommitted } from '../../test/helpers/offlineCacheCommitted.ts'
import { countingWebSocket } from '../clients/countingWebSocket.ts'
import { startClientLoadMeter } from '../clients/startClientLoadMeter.ts'
import type { ConnectionInfo } from '../servers/ServerUnderTest.ts'
import { percentile } from '../stats/percentile.ts'
import type { WorkerContext } from '../WorkerContext.ts'
import { withTimeout } from '../withTimeout.ts'
import type { BrowserEditingRequest, ScenarioOutcome } from '../workerProtocol.ts'

/** A printed page of treaty text: about 500 words. */
const charactersPerPage = 3000
const paragraphLength = 750
const endMarker = 'END-OF-BENCH-CHARTER'

function clause(index: number, paragraph: number): string {
  const words =
    `Article ${index}, paragraph ${paragraph}. The Parties shall cooperate closely in this area, exchange ` +
    'information in a timely and transparent manner, consult each other before adopting measures that may ' +
    'affect the interests of the other Party, and refer any question of interpretation to the joint ' +
    'committee established under this Charter, which shall meet at least once a year and decide by consensus. '
  let text = ''
  while (text.length < paragraphLength) text += words
  return text.slice(0, paragraphLength)
}

/** The charter template with enough articles appended to its "Other areas" section to fill `pages` pages. */
export function largeCharter(pages: number): { json: JSONContent; articles: number; characters: number } {
  const json = createCharterTemplate()
  const other = json.content?.find((node) => node.type === 'charterSection' && node.attrs?.area === 'other')
  if (!other?.content) throw new Error('charter template has no "other" section')
  const paragraphsPerArticle = 2
  const articles = Math.ceil((pages * charactersPerPage) / (paragraphLength * paragraphsPerArticle))
  for (let index = 1; index <= articles; index++) {
    const content: JSONContent[] = []
    for (let paragraph = 1; paragraph <= paragraphsPerArticle; paragraph++) {
      const text =
        index === articles && paragraph === paragraphsPerArticle ? endMarker : clause(index, paragraph)
      content.push({ type: 'paragraph', content: [{ type: 'text', text }] })
    }
    other.content.push({ type: 'article', content })
  }
  return { json, articles, characters: articles * paragraphsPerArticle * paragraphLength }
}

interface NodeClient {
  doc: Y.Doc
  provider: WebsocketProvider
  synced: Promise<void>
}

function connectNodeClient(info: ConnectionInfo, doc = new Y.Doc()): NodeClient {
  const slash = info.url.lastIndexOf('/')
  const provider = new WebsocketProvider(info.url.slice(0, slash), info.url.slice(slash + 1), doc, {
    WebSocketPolyfill: countingWebSocket(info.headers, {
      bytesReceived: 0,
      current: undefined,
    }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: info.params ?? {},
  })
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
  return { doc, provider, synced }
}

/** The XmlText of the first paragraph of every appended article (the typists' targets). */
function articleTexts(doc: Y.Doc): Y.XmlText[] {
  const fragment = doc.getXmlFragment(documentField)
  const texts: Y.XmlText[] = []
  for (const section of fragment.toArray()) {
    if (!(section instanceof Y.XmlElement) || section.getAttribute('area') !== 'other') continue
    for (const article of section.toArray()) {
      if (!(article instanceof Y.XmlElement) || article.nodeName !== 'article') continue
      const paragraph = article.get(0)
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined
      if (text instanceof Y.XmlText) texts.push(text)
    }
  }
  return texts
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

/** Navigates to the charter and resolves with the page clock (ms since navigation start) when it is editable. */
async function visitUntilEditable(page: Page, url: string, timeoutMs: number): Promise<number> {
  await page.goto(url)
  const ready = await page.waitForFunction(
    (marker) => {
      const editor = document.querySelector('.charter-text')
      if (!editor) return false
      if (editor.getAttribute('contenteditable') !== 'true') return false
      const last = editor.querySelector('section[data-area=other] .charter-article:last-of-type')
      return last?.textContent?.includes(marker) ? performance.now() : false
    },
    endMarker,
    { polling: 'raf', timeout: timeoutMs },
  )
  return (await ready.jsonValue()) as number
}

/**
 * A person who opened the charter stays at least until the page is kept for offline use: the service worker
 * controls it and the local copy (IndexedDB) has committed. Leaving within milliseconds of the first sync, as a
 * script does, aborts that write, and the "repeat visit" would be a first one again. Returns how long it took.
 */
async function waitUntilKeptForOffline(page: Page, documentName: string, timeoutMs: number): Promise<number> {
  const started = performance.now()
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
    timeout: timeoutMs,
    polling: 100,
  })
  await offlineCacheCommitted(page, documentName)
  return performance.now() - started
}

/** BENCH_BROWSER_TIMELINE=1: what the page fetched and when (ms from navigation), to see a visit's critical path. */
async function printTimeline(context: WorkerContext, page: Page, label: string): Promise<void> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => {
      const timing = entry as PerformanceResourceTiming
      return {
        name: timing.name.replace(/^https?:\/\/[^/]+/, ''),
        start: timing.startTime,
        end: timing.responseEnd,
        bytes: timing.transferSize,
        worker: timing.workerStart > 0,
      }
    }),
  )
  const marks = await page.evaluate(() =>
    performance.getEntriesByType('mark').map((mark) => ({
      name: `mark ${mark.name}`,
      start: mark.startTime,
      end: mark.startTime,
      bytes: 0,
      worker: false,
    })),
  )
  const lines = [...entries, ...marks]
    .sort((a, b) => a.start - b.start)
    .map(
      (entry) =>
        `${entry.start.toFixed(0).padStart(6)} → ${entry.end.toFixed(0).padStart(6)} ms ` +
        `${String(entry.bytes).padStart(8)} B${entry.worker ? ' (sw)' : ''} ${entry.name.slice(0, 90)}`,
    )
  context.progress(`${label} timeline:\n      ${lines.join('\n      ')}`)
}

/** Script bytes the page received so far, as sent (compressed body, without headers). */
function scriptBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script')
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0),
  )
}

/**
 * Real client in headless Chromium (the built React/Tiptap app served by our server): time from navigation
 * until a ~100-page charter is synced and editable, then keystroke-to-screen latency while Node clients type
 * into the same document.
 */
export async function browserEditing(
  context: WorkerContext,
  request: BrowserEditingRequest,
): Promise<ScenarioOutcome> {
  const notes: string[] = []
  const access = await context.browserAccess()
  const documentName = 'bench-charter'
  const [info] = await context.connections([documentName])
  if (!info) throw new Error('no connection info')

  // Seed the document through the protocol, as a stock client would.
  const { json, articles, characters } = largeCharter(request.pages)
  const schema = getSchema(charterExtensions)
  schema.nodeFromJSON(json).check()
  const seedDoc = prosemirrorJSONToYDoc(schema, json, documentField)
  const seeder = connectNodeClient(info, seedDoc)
  await withTimeout(seeder.synced, request.connectTimeoutMs, 'seeding client sync')
  const seedBytes = Y.encodeStateAsUpdate(seedDoc).byteLength

  // Typists connect after seeding; a typist that sees the end marker proves the server has stored it all.
  const typists: NodeClient[] = []
  for (let i = 0; i < request.typists; i++) typists.push(connectNodeClient(info))
  await withTimeout(
    Promise.all(typists.map((typist) => typist.synced)),
    request.connectTimeoutMs,
    'typists sync',
  )
  await until(
    // The template's own placeholder article comes first in that section.
    () => typists.every((typist) => articleTexts(typist.doc).length === articles + 1),
    request.connectTimeoutMs,
    'typists to receive the seeded charter',
  )
  seeder.provider.destroy()
  context.progress(
    `seeded ${documentName}: ${articles} articles, ${characters.toLocaleString('en-US')} characters ` +
      `(~${request.pages} pages), ${seedBytes.toLocaleString('en-US')} bytes of Yjs state`,
  )

  const browser = await launchBrowser()
  try {
    // Sign in (one-time link → cookie session) on a page we do not measure.
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await browserContext.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(access.signInUrl())
    await page.locator('.charter-text h1').waitFor({ timeout: request.connectTimeoutMs })

    // Cold load: IndexedDB of this context holds nothing for bench-charter, so everything comes over the wire.
    const navigationStarted = performance.now()
    await page.goto(`${access.httpOrigin}/d/${documentName}`)
    const readyHandle = await page.waitForFunction(
      (marker) => {
        const editor = document.querySelector('.charter-text')
        if (!editor) return false
        if (editor.getAttribute('contenteditable') !== 'true') return false
        const last = editor.querySelector('section[data-area=other] .charter-article:last-of-type')
        return last?.textContent?.includes(marker) ? performance.now() : false
      },
      endMarker,
      { polling: 'raf', timeout: request.connectTimeoutMs },
    )
    // performance.now() in the page counts from the navigation's start.
    const loadEditableMs = (await readyHandle.jsonValue()) as number
    const loadEditableWallMs = performance.now() - navigationStarted
    const scriptBytesBeforeEditable = await scriptBytes(page)
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script')
        .map((entry) => ({
          name: entry.name,
          transfer: (entry as PerformanceResourceTiming).transferSize,
        })),
    )
    context.progress(
      `100-page charter editable after ${loadEditableMs.toFixed(0)} ms (page clock; ` +
        `${loadEditableWallMs.toFixed(0)} ms wall incl. CDP), ${resources.length} scripts`,
    )

    // Keystroke-to-screen: keydown → the browser's native text insertion (the 'input' event; ProseMirror then
    // reads it and runs its transaction, y-prosemirror and React in the same task) → the next animation frame,
    // i.e. the frame that paints it, which can only start once all that work is done.
    await page.evaluate(() => {
      const editor = document.querySelector('.charter-text') as HTMLElement
      const samples: { dom: number; frame: number; queued: number }[] = []
      let keyAt: number | null = null
      let queued = 0
      editor.addEventListener(
        'keydown',
        (event) => {
          keyAt = event.timeStamp
          // How long the keydown waited for the main thread before any handler ran.
          queued = performance.now() - event.timeStamp
        },
        { capture: true },
      )
      editor.addEventListener(
        'input',
        () => {
          if (keyAt === null) return
          const started = keyAt
          keyAt = null
          const dom = performance.now() - started
          const waited = queued
          requestAnimationFrame(() =>
            samples.push({ dom, frame: performance.now() - started, queued: waited }),
          )
        },
        { capture: true },
      )
      ;(window as unknown as { benchSamples: typeof samples }).benchSamples = samples
    })
    // Put the caret at the end of the first appended article's first paragraph.
    await page.evaluate(() => {
      const paragraph = document.querySelector('section[data-area=other] .charter-article:nth-of-type(2) p')
      const text = paragraph?.firstChild
      if (!text) throw new Error('no paragraph to type into')
      ;(document.querySelector('.charter-text') as HTMLElement).focus()
      document.getSelection()?.collapse(text, text.textContent?.length ?? 0)
    })
    await sleep(100)

    // Remote typists: each types into its own article (spread through the document) with a moving cursor.
    const texts = typists.map((typist) => articleTexts(typist.doc))
    const intervalMs = 1000 / request.typistCharsPerSecond
    let typing = true
    let remoteKeystrokes = 0
    const timers: NodeJS.Timeout[] = []
    typists.forEach((typist, index) => {
      const target = texts[index]?.[Math.floor(((index + 1) * articles) / (typists.length + 1))]
      if (!target) throw new Error('typist has no article')
      const type = (): void => {
        if (!typing) return
        const position = target.length
        target.insert(position, 'abcdefghijklmnopqrstuvwxyz'[remoteKeystrokes % 26] as string)
        const cursor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(target, position + 1))
        typist.provider.awareness.setLocalStateField('cursor', { anchor: cursor, head: cursor })
        remoteKeystrokes++
      }
      timers.push(setTimeout(() => timers.push(setInterval(type, intervalMs)), Math.random() * intervalMs))
    })
    await sleep(1000)

    // BENCH_BROWSER_PROFILE=<file.cpuprofile>: the page's CPU profile while typing (open in Chrome DevTools).
    const profilePath = process.env.BENCH_BROWSER_PROFILE
    const cdp = profilePath ? await browserContext.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    // BENCH_BROWSER_TRACE=<file.json>: a Chromium performance trace of the typing (open in DevTools' Performance
    // panel): what the renderer does between a keydown and its frame, layout and style included.
    const tracePath = process.env.BENCH_BROWSER_TRACE
    if (tracePath) {
      await browser.startTracing(page, {
        path: tracePath,
        categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'],
      })
    }
    const load = startClientLoadMeter()
    const typedStarted = performance.now()
    for (let i = 0; i < request.keystrokes; i++) {
      await page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26] as string)
      await sleep(request.keystrokeIntervalMs)
    }
    const typedMs = performance.now() - typedStarted
    typing = false
    for (const timer of timers) clearTimeout(timer)
    const clientLoad = load()
    if (tracePath) {
      await browser.stopTracing()
      context.progress(`page trace written to ${tracePath}`)
    }
    if (cdp && profilePath) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(profilePath, JSON.stringify(profile))
      context.progress(`page CPU profile written to ${profilePath}`)
    }
    await sleep(200)
    const samples = (await page.evaluate(
      () =>
        (window as unknown as { benchSamples: { dom: number; frame: number; queued: number }[] })
          .benchSamples,
    )) as { dom: number; frame: number; queued: number }[]
    if (samples.length < request.keystrokes * 0.9) {
      notes.push(`only ${samples.length} of ${request.keystrokes} keystrokes were matched to a DOM change`)
    }
    // The browser's own text must have every local keystroke and converge with the typists'.
    const remoteBefore = remoteKeystrokes
    await sleep(500)
    const pageText = await page.evaluate(
      () => document.querySelector('.charter-text')?.textContent?.length ?? 0,
    )
    if (errors.length > 0) notes.push(`page errors: ${errors.slice(0, 3).join(' | ')}`)
    // The sign-in link is one-time: the throttled visits reuse this session's cookie (not its IndexedDB).
    const signedIn = await browserContext.storageState()
    await browserContext.close()

    // A delegate on a hotel connection: Chromium's network emulation at 1.6 Mbit/s down, 750 kbit/s up and
    // 150 ms round trips (Lighthouse's "slow 4G"). First visit with an empty HTTP cache and no local copy of the
    // charter, then the repeat visit (cache, IndexedDB and service worker as the first one left them).
    let throttledFirstVisitMs = Number.NaN
    let throttledRepeatVisitMs = Number.NaN
    const slowContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      storageState: { cookies: signedIn.cookies, origins: [] },
    })
    try {
      const slowPage = await slowContext.newPage()
      const cdpSlow = await slowContext.newCDPSession(slowPage)
      await cdpSlow.send('Network.enable')
      if (process.env.BENCH_BROWSER_TIMELINE) {
        const t0 = Date.now()
        const at = () => `${String(Date.now() - t0).padStart(6)} ms`
        cdpSlow.on('Network.webSocketCreated', (event) => context.progress(`${at()} ws created ${event.url}`))
        cdpSlow.on('Network.webSocketHandshakeResponseReceived', (event) =>
          context.progress(`${at()} ws handshake done ${JSON.stringify(event.response.headers)}`),
        )
        cdpSlow.on('Network.webSocketFrameReceived', (event) =>
          context.progress(`${at()} ws frame in  ${event.response.payloadData.length} chars`),
        )
        cdpSlow.on('Network.webSocketFrameSent', (event) =>
          context.progress(`${at()} ws frame out ${event.response.payloadData.length} chars`),
        )
        cdpSlow.on('Network.requestWillBeSent', (event) =>
          context.progress(`${at()} request ${event.request.url.slice(-60)}`),
        )
      }
      await cdpSlow.send('Network.clearBrowserCache')
      await cdpSlow.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: 1_600_000 / 8,
        uploadThroughput: 750_000 / 8,
      })
      const charterUrl = `${access.httpOrigin}/d/${documentName}`
      throttledFirstVisitMs = await visitUntilEditable(slowPage, charterUrl, request.connectTimeoutMs)
      if (process.env.BENCH_BROWSER_TIMELINE) await printTimeline(context, slowPage, 'first visit')
      const keptMs = await waitUntilKeptForOffline(slowPage, documentName, request.connectTimeoutMs)
      context.progress(`first visit: kept for offline use ${keptMs.toFixed(0)} ms after editable`)
      await slowPage.goto('about:blank')
      throttledRepeatVisitMs = await visitUntilEditable(slowPage, charterUrl, request.connectTimeoutMs)
      if (process.env.BENCH_BROWSER_TIMELINE) await printTimeline(context, slowPage, 'repeat visit')
      context.progress(
        `throttled: first visit editable after ${throttledFirstVisitMs.toFixed(0)} ms, repeat ${throttledRepeatVisitMs.toFixed(0)} ms`,
      )
    } catch (error) {
      notes.push(`throttled visits failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      await slowContext.close()
    }

    const dom = samples.map((sample) => sample.dom)
    const frame = samples.map((sample) => sample.frame)
    const queued = samples.map((sample) => sample.queued)
    if (process.env.BENCH_BROWSER_TIMELINE) {
      const slow = samples.filter((sample) => sample.frame >= 14).sort((a, b) => b.frame - a.frame)
      context.progress(
        `slowest keystrokes (frame / dom / waited ms): ${slow
          .slice(0, 20)
          .map((sample) => `${sample.frame.toFixed(1)}/${sample.dom.toFixed(1)}/${sample.queued.toFixed(1)}`)
          .join(' ')}`,
      )
    }
    context.progress(
      `keystrokes: waited for the main thread p50 ${percentile(queued, 50).toFixed(1)} ms, p95 ` +
        `${percentile(queued, 95).toFixed(1)} ms; keydown → input p50 ` +
        `${percentile(
          samples.map((sample) => sample.dom - sample.queued),
          50,
        ).toFixed(1)} ms; input → frame p50 ` +
        `${percentile(
          samples.map((sample) => sample.frame - sample.dom),
          50,
        ).toFixed(1)} ms`,
    )
    return {
      metrics: {
        pages: request.pages,
        characters,
        seedBytes,
        loadEditableMs,
        loadEditableWallMs,
        scriptBytesBeforeEditable,
        throttledFirstVisitMs,
        throttledRepeatVisitMs,
        keystrokes: samples.length,
        keystrokeDomP50Ms: percentile(dom, 50),
        keystrokeDomP95Ms: percentile(dom, 95),
        keystrokeFrameP50Ms: percentile(frame, 50),
        keystrokeFrameP95Ms: percentile(frame, 95),
        remoteKeystrokesPerSecond: remoteBefore / ((typedMs + 1000) / 1000),
        typists: request.typists,
        pageTextLength: pageText,
        clientCpuShare: clientLoad.cpuShare,
        initialJsGzipBytes: request.initialJsGzipBytes,
        initialJsBytes: request.initialJsBytes,
      },
      notes,
    }
  } finally {
    typists.forEach((typist) => {
      typist.provider.destroy()
    })
    await browser.close()
  }
}
