import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/passwordHash.ts'
import { resources } from '../../shared/i18n/index.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

const password = 'correct horse battery'
const azerbaijaniMonths = Object.entries(resources.az.common.calendar)
  .filter(([key]) => key.startsWith('month'))
  .map(([, name]) => name)
const azerbaijaniDate = new RegExp(`\\b\\d{1,2} (${azerbaijaniMonths.join('|')}) \\d{4}\\b`)
/** Where screenshots of every page in both languages go, when asked for (I18N_SCREENSHOTS=/tmp). */
const screenshotDirectory = process.env.I18N_SCREENSHOTS

describe('the interface language in the browser', () => {
  let browser: Browser
  let server: TestServer
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  /** Requests still in flight when the session ends are refused; Chromium logs each refusal. */
  let signedOut = false

  async function newPage(): Promise<Page> {
    // An English-speaking browser: only the person's choice can make the interface Azerbaijani.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      if (signedOut && /status of 401/.test(message.text())) return
      errors.push(`console.error: ${message.text()}`)
    })
    return page
  }

  async function signIn(page: Page, login: string): Promise<void> {
    await page.locator('input[name=login]').fill(login)
    await page.locator('input[name=password]').fill(password)
    await page.locator('button[type=submit]').click()
    await page.locator('.charter-text h1').waitFor()
  }

  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang)

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    server = await startTestServer()
    await server.app.stores.accounts.createAccount({
      login: 'aysel',
      name: 'Aysel Karimova',
      delegation: 'AZ',
      role: 'co-chair',
      isAdmin: true,
      passwordHash: await hashPassword(password),
    })
  })

  afterEach(async () => {
    signedOut = false
    await Promise.all(contexts.splice(0).map((context) => context.close()))
    await server.stop({ removeData: true })
    expect(errors.splice(0), 'uncaught exceptions or console errors in the pages').toEqual([])
  })

  it('keeps the Azerbaijani interface across reload, sign-out and a new browser, with Azerbaijani dates', async () => {
    const page = await newPage()
    await page.goto(`${server.httpUrl}/sign-in`)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(await htmlLang(page)).toBe('en')

    await page.getByRole('button', { name: 'Azərbaycanca' }).click()
    await page.getByRole('heading', { name: 'Daxil ol' }).waitFor()
    expect(await htmlLang(page)).toBe('az')
    await signIn(page, 'aysel')
    await eventually(async () =>
      expect(await page.locator('output.sync-indicator').textContent()).toBe('Yadda saxlanıldı'),
    )
    expect(await htmlLang(page)).toBe('az')

    await page.reload()
    await page.locator('.charter-text h1').waitFor()
    await eventually(async () => expect(await page.locator('.doc-status').textContent()).toBe('Layihə'))
    expect(await htmlLang(page)).toBe('az')

    // Switching changes the interface only, never the document.
    // innerText, not textContent: what a reader sees after CSS, whose upper-casing follows the `lang` in force.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what must not change
    const text = await page.locator('.charter-text').innerText()
    await page.locator('.user-chip').click()
    await page.getByRole('button', { name: 'English' }).click()
    await eventually(async () => expect(await page.locator('.doc-status').textContent()).toBe('Draft'))
    expect(await htmlLang(page)).toBe('en')
    // biome-ignore lint/performance/useDomNodeTextContent: as above
    expect(await page.locator('.charter-text').innerText()).toBe(text)
    await page.getByRole('button', { name: 'Azərbaycanca' }).click()
    await eventually(async () => expect(await page.locator('.doc-status').textContent()).toBe('Layihə'))
    signedOut = true
    await page.getByRole('button', { name: 'Çıxış' }).click()
    // Signed out, nobody is known: the browser's Accept-Language (English here) decides again.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()

    const fresh = await newPage()
    await fresh.goto(`${server.httpUrl}/sign-in`)
    await fresh.getByRole('heading', { name: 'Sign in' }).waitFor()
    await signIn(fresh, 'aysel')
    await eventually(async () => expect(await fresh.locator('.doc-status').textContent()).toBe('Layihə'))
    expect(await htmlLang(fresh)).toBe('az')

    // This Chromium may lack Azerbaijani date data; the interface must still write Azerbaijani months.
    const nativeMonth = await fresh.evaluate(() =>
      new Intl.DateTimeFormat('az', { day: 'numeric', month: 'long', year: 'numeric' }).format(
        Date.UTC(2026, 1, 8, 12),
      ),
    )
    console.log(`Chromium's own Azerbaijani date: "${nativeMonth}"`)
    await fresh.goto(`${server.httpUrl}/d/${charterDocumentName}/history`)
    await fresh.getByRole('heading', { name: 'Tarixçə və ixrac' }).waitFor()
    await fresh.getByRole('button', { name: 'Versiyanı yarat' }).click()
    const meta = fresh.locator('.version-item .version-meta').nth(1)
    await meta.waitFor()
    expect(await meta.textContent()).toMatch(azerbaijaniDate)
    expect(await meta.textContent()).not.toMatch(/M\d\d/)
  })

  it.skipIf(!screenshotDirectory)('takes screenshots of every page in both languages', async () => {
    const directory = screenshotDirectory ?? '/tmp'
    fs.mkdirSync(directory, { recursive: true })
    for (const language of ['az', 'en'] as const) {
      await server.app.stores.accounts.setLanguage(1, language)
      const page = await newPage()
      await page.goto(`${server.httpUrl}/sign-in`)
      if (language === 'az') await page.getByRole('button', { name: 'Azərbaycanca' }).click()
      await page.screenshot({ path: `${directory}/i18n-sign-in-${language}.png` })
      await signIn(page, 'aysel')
      await page.locator('.charter-text p').first().click()
      await page.keyboard.press('Control+a')
      await page.locator('.comment-selection-button').click()
      await page.locator('#inline-comment-text').fill('Bu müddəanı razılaşdıraq.')
      await page.locator('.composer button[type=submit]').click()
      await page.locator('.thread-card').first().waitFor()
      await page.screenshot({ path: `${directory}/i18n-editor-${language}.png` })
      await page.locator('.user-chip').click()
      await page.screenshot({ path: `${directory}/i18n-menu-${language}.png` })
      await page.goto(`${server.httpUrl}/d/${charterDocumentName}/history`)
      await page.locator('.history form button[type=submit]').first().click()
      await page.locator('.version-item').nth(1).waitFor()
      await page.locator('.meeting-form summary').click()
      await page.frameLocator('.viewer-frame').locator('header').waitFor()
      await page.screenshot({ path: `${directory}/i18n-history-${language}.png`, fullPage: true })
      await page.goto(`${server.httpUrl}/admin`)
      await page.locator('.admin-table').first().waitFor()
      await page.screenshot({ path: `${directory}/i18n-admin-${language}.png`, fullPage: true })
    }
  })
})
