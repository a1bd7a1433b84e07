import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/passwordHash.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

const password = 'correct horse battery'

describe('the export picker’s text view', () => {
  let browser: Browser
  let server: TestServer
  const contexts: BrowserContext[] = []
  const errors: string[] = []

  async function signedInPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    await page.goto(`${server.httpUrl}/sign-in`)
    await page.locator('input[name=login]').fill('aysel')
    await page.locator('input[name=password]').fill(password)
    await page.locator('button[type=submit]').click()
    await page.locator('.charter-text h1').waitFor()
    return page
  }

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
      isAdmin: false,
      passwordHash: await hashPassword(password),
    })
  })

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()))
    await server.stop({ removeData: true })
    expect(errors.splice(0), 'uncaught exceptions in the pages').toEqual([])
  })

  it('previews and downloads the clean text when chosen, with labels in the interface language', async () => {
    const page = await signedInPage()
    await page.goto(`${server.httpUrl}/d/${charterDocumentName}/history`)
    await page.getByRole('heading', { name: 'History and exports' }).waitFor()
    const frameHeader = page.frameLocator('.viewer-frame').locator('header')
    await eventually(async () => expect(await frameHeader.textContent()).not.toContain('CLEAN TEXT'))

    const picker = page.getByLabel('Text view')
    expect(await picker.locator('option').allTextContents()).toEqual([
      'Markup (brackets and proposers)',
      'Clean (text outside brackets)',
    ])
    await picker.selectOption('clean')
    await eventually(async () => expect(await frameHeader.textContent()).toMatch(/— CLEAN TEXT$/))
    const word = page.locator('a.download', { hasText: 'Word' })
    expect(new URL((await word.getAttribute('href')) ?? '', server.httpUrl).searchParams.get('view')).toBe(
      'clean',
    )

    await page.getByLabel('Export language').selectOption('az')
    await eventually(async () => expect(await frameHeader.textContent()).toMatch(/— TƏMİZ MƏTN$/))
  }, 120_000)
})
