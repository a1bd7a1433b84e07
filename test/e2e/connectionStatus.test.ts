import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { articleParagraph, type BrowserSession, browserSession, placeCaret } from './editorPage.ts'

/**
 * Issue 16: a delegate whose network drops sees "Offline" within 5 s (not y-websocket's ~30 s), the pending
 * changes are counted as edits rather than keystrokes, and the other side's presence list drops a vanished peer
 * within ~10 s (server ping every PING_INTERVAL_MS). Needs the built client (`npx vite build`).
 */
describe('connection status on a lost network', () => {
  let browser: Browser
  let server: TestServer
  let session: BrowserSession

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    server = await startTestServer({ env: { PING_INTERVAL_MS: '5000' } })
    session = browserSession(browser, () => server)
  })

  afterEach(async () => {
    const errors = await session.close()
    await server.stop({ removeData: true })
    expect(errors, 'uncaught exceptions or console errors in the pages').toEqual([])
  })

  it('says Offline within 5 s, counts edits, and the peer disappears from the other screen', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    await eventually(
      async () => expect(await us.page.locator('.presence').textContent()).toContain('Leyla'),
      {
        timeoutMs: 10_000,
      },
    )
    session.expectConnectionErrors()

    await az.context.setOffline(true)
    const lost = Date.now()
    await eventually(async () => expect(await az.indicator.getAttribute('data-state')).toBe('offline'), {
      timeoutMs: 5_000,
    })
    expect(Date.now() - lost).toBeLessThan(5_000)

    // Two bursts of typing separated by a pause: two edits, not 13 keystrokes.
    await placeCaret(az, articleParagraph('connectivity'), 'end')
    await az.page.keyboard.type(' Agreed.', { delay: 20 })
    await az.page.waitForTimeout(1_800)
    await az.page.keyboard.type(' Noted', { delay: 20 })
    await eventually(async () => expect(await az.indicator.textContent()).toMatch(/\b2\b/), {
      timeoutMs: 5_000,
    })

    await eventually(
      async () => expect(await us.page.locator('.presence').textContent()).not.toContain('Leyla'),
      { timeoutMs: 15_000 },
    )
    await az.context.setOffline(false)
    await eventually(async () => expect(await az.indicator.getAttribute('data-state')).toBe('saved'), {
      timeoutMs: 15_000,
    })
  })
})
