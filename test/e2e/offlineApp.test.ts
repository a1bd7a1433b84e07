import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { Browser, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { apiCacheName, sessionPath } from '../../client/offline/offlineRequests.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { offlineCacheCommitted } from '../helpers/offlineCacheCommitted.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import {
  articleParagraph,
  type BrowserSession,
  blockText,
  browserSession,
  type EditorPage,
  placeCaret,
  storedCharterText,
  waitForSyncState,
} from './editorPage.ts'

/**
 * Issue 16, the installable offline app: after one visit, a reload without network opens the document from the
 * service worker's cache and IndexedDB, editable, and what was typed merges when the network returns; a new
 * version of the app is offered, never forced mid-edit; one account's API answers are never kept for the next.
 * Needs the built client (`npx vite build`). SCREENSHOT_DIR=/tmp keeps screenshots of the offline editor and the
 * update offer.
 */
const builtClient = path.resolve(import.meta.dirname, '../../dist/client')
const screenshots = process.env.SCREENSHOT_DIR
const connectivity = articleParagraph('connectivity')
const documentPath = `/api/documents/${charterDocumentName}`

interface KeptAnswers {
  controlled: boolean
  paths: string[]
  sessionName: string | null
}

/** What the page's service worker keeps in the API cache, and whether it controls the page. */
function keptAnswers(target: EditorPage): Promise<KeptAnswers> {
  return target.page.evaluate(
    async ({ cacheName, sessionPath }) => {
      const cache = await caches.open(cacheName)
      const paths = (await cache.keys()).map((request) => new URL(request.url).pathname).sort()
      const session = await cache.match(sessionPath)
      const body = session ? ((await session.json()) as { account: { name: string } | null }) : null
      return {
        controlled: navigator.serviceWorker.controller !== null,
        paths,
        sessionName: body?.account?.name ?? null,
      }
    },
    { cacheName: apiCacheName, sessionPath },
  )
}

/** Waits until the worker controls the page and keeps what the editor needs to open this document offline. */
async function waitUntilKeptForOffline(target: EditorPage): Promise<void> {
  await eventually(
    async () => {
      const kept = await keptAnswers(target)
      expect(kept.controlled).toBe(true)
      expect(kept.paths).toEqual(expect.arrayContaining([sessionPath, '/api/documents', documentPath]))
      expect(kept.sessionName).toBe(target.name)
    },
    { timeoutMs: 30_000, intervalMs: 100 },
  )
}

describe('the installable offline app in Chromium', () => {
  let browser: Browser
  let server: TestServer | null = null
  let session: BrowserSession | null = null
  let clientCopy: string | null = null
  /** After a sign-out the page's last requests are refused (401), which Chromium reports on the console. */
  let signedOut = false

  beforeAll(async () => {
    if (!fs.existsSync(path.join(builtClient, 'sw.js'))) {
      throw new Error('dist/client/sw.js is missing: run `npx vite build` (npm test does)')
    }
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  afterEach(async () => {
    const errors = ((await session?.close()) ?? []).filter(
      (error) => !(signedOut && /status of 401/.test(error)),
    )
    await server?.stop({ removeData: true })
    if (clientCopy) fs.rmSync(clientCopy, { recursive: true, force: true })
    session = null
    server = null
    clientCopy = null
    signedOut = false
    expect(errors, 'uncaught exceptions or console errors in the pages').toEqual([])
  })

  async function start(env: Record<string, string> = {}): Promise<BrowserSession> {
    const started = await startTestServer({ env })
    server = started
    session = browserSession(browser, () => started)
    return session
  }

  it('reopens the document without network, editable, and merges both offline edits on reconnect', async () => {
    const current = await start()
    const az = await current.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await waitUntilKeptForOffline(az)
    const original = await blockText(az, connectivity)

    current.expectConnectionErrors()
    await az.context.setOffline(true)
    await waitForSyncState(az, 'offline', 5_000)
    // From here on, every request of the page must be answered by the service worker, none by the network.
    const fromNetwork: string[] = []
    const watchNetwork = (request: Request) => {
      void request.response().then((response) => {
        if (request.serviceWorker() || !response?.fromServiceWorker()) fromNetwork.push(request.url())
      })
    }
    az.context.on('requestfinished', watchNetwork)
    await placeCaret(az, connectivity, 'end')
    await az.page.keyboard.type(' Typed on the plane.', { delay: 10 })
    await offlineCacheCommitted(az.page, charterDocumentName)

    const reloadStarted = Date.now()
    const navigation = await az.page.reload()
    expect(navigation?.fromServiceWorker(), 'the shell comes from the service worker').toBe(true)
    await az.page.locator('.charter-text h1').waitFor({ timeout: 15_000 })
    await eventually(async () => expect(await blockText(az, connectivity)).toContain('Typed on the plane.'))
    const reopenedMs = Date.now() - reloadStarted
    expect(await az.editor.getAttribute('contenteditable')).toBe('true')
    await waitForSyncState(az, 'offline', 5_000)
    expect(await az.indicator.textContent()).toMatch(/\b1 change pending/)

    await placeCaret(az, connectivity, 'end')
    await az.page.keyboard.type(' Then after landing.', { delay: 10 })
    await eventually(async () => expect(await az.indicator.textContent()).toMatch(/\b2 changes pending/))
    if (screenshots) await az.page.screenshot({ path: `${screenshots}/offline-editor.png` })
    az.context.off('requestfinished', watchNetwork)
    expect(fromNetwork, 'requests answered by the network while offline').toEqual([])

    await az.context.setOffline(false)
    await waitForSyncState(az, 'saved', 20_000)
    const expected = `${original} Typed on the plane. Then after landing.`
    const stored = await storedCharterText(server!)
    expect(stored).toContain(expected)
    console.info(`[offline-app] reopened offline in ${reopenedMs} ms`)
  }, 120_000)

  it('offers a new version without reloading mid-edit, and reloads into it when asked', async () => {
    // A private copy of the build, so the test can publish a "new version" of the worker beside it.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-desk-client-'))
    clientCopy = copy
    fs.cpSync(builtClient, copy, { recursive: true })
    const current = await start({ CLIENT_DIR: copy })
    const az = await current.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await waitUntilKeptForOffline(az)
    await az.page.evaluate(() => {
      ;(window as unknown as { sameDocument?: boolean }).sameDocument = true
    })
    await placeCaret(az, connectivity, 'end')
    await az.page.keyboard.type(' Mid-sentence', { delay: 10 })

    publishNewWorker(copy)
    await az.page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update()
    })
    const reload = az.page.getByRole('button', { name: 'Reload' })
    await reload.waitFor({ timeout: 20_000 })
    const offer = az.page
      .getByRole('status')
      .filter({ hasText: 'A new version of Charter Desk is available.' })
    expect(await offer.count()).toBe(1)
    if (screenshots) await az.page.screenshot({ path: `${screenshots}/update-offer.png` })

    // The person keeps typing: the page is the same document, the new worker still waits for their choice.
    await az.page.keyboard.type(' goes on.', { delay: 10 })
    await eventually(async () => expect(await blockText(az, connectivity)).toContain('Mid-sentence goes on.'))
    await waitForSyncState(az, 'saved')
    const untouched = await az.page.evaluate(async () => ({
      sameDocument: (window as unknown as { sameDocument?: boolean }).sameDocument === true,
      waiting: (await navigator.serviceWorker.getRegistration())?.waiting !== null,
    }))
    expect(untouched).toEqual({ sameDocument: true, waiting: true })

    await reload.click()
    await eventually(
      async () => {
        const after = await az.page.evaluate(async () => ({
          sameDocument: (window as unknown as { sameDocument?: boolean }).sameDocument === true,
          waiting: (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
        }))
        expect(after).toEqual({ sameDocument: false, waiting: null })
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    )
    await az.page.locator('.charter-text h1').waitFor()
    expect(await blockText(az, connectivity)).toContain('Mid-sentence goes on.')
    expect(await az.page.getByRole('button', { name: 'Reload' }).count()).toBe(0)
  }, 120_000)

  it('forgets one account’s API answers at sign-out and keeps the next account’s own', async () => {
    const current = await start()
    const az = await current.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await waitUntilKeptForOffline(az)

    signedOut = true
    await az.page.locator('.user-chip').click()
    await az.page.getByRole('button', { name: 'Sign out' }).click()
    await eventually(async () => {
      const kept = await keptAnswers(az)
      expect(kept.paths).toEqual([sessionPath])
      expect(kept.sessionName).toBeNull()
    })

    // Someone else signs in on the same browser: the cache is theirs from the first answer on.
    const { account } = await server!.createAccount({ name: 'John Carter', delegation: 'US' })
    const link = await server!.app.stores.signInLinks.createSignInLink(
      account.id,
      new Date(Date.now() + 600_000),
    )
    // A new query makes this a real navigation (the page is at /sign-in already; a new fragment alone is not).
    await az.page.goto(`${server!.httpUrl}/sign-in?next=1#link=${link}`)
    await az.page.locator('.charter-text h1').waitFor()
    await eventually(async () => {
      const kept = await keptAnswers(az)
      expect(kept.sessionName).toBe('John Carter')
      expect(kept.paths).toEqual(expect.arrayContaining([sessionPath, documentPath]))
    })
  }, 120_000)
})

/** Changes the worker script as a new release would (a different build), with its precompressed variants. */
function publishNewWorker(clientDir: string): void {
  const file = path.join(clientDir, 'sw.js')
  const source = `${fs.readFileSync(file, 'utf8')}\n// next release ${Date.now()}\n`
  fs.writeFileSync(file, source)
  fs.writeFileSync(`${file}.br`, brotliCompressSync(source))
  fs.writeFileSync(`${file}.gz`, gzipSync(source))
}
