import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { summary } from './support.ts'

/**
 * Content Security Policy end to end (issue 6): every screen of the built client runs under the server's CSP
 * without a single violation, and the policy forbids inline script. Needs the built client (`npx vite build`;
 * `npm test` builds it first).
 */
interface Violation {
  page: string
  directive: string
  blockedURI: string
  sample: string
}

/** The directives of a CSP header, by name. */
function directives(header: string): Map<string, string[]> {
  const result = new Map<string, string[]>()
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) result.set(name.toLowerCase(), values)
  }
  return result
}

describe('Content Security Policy in Chromium', () => {
  let browser: Browser
  let server: TestServer | null = null
  let context: BrowserContext | null = null

  beforeAll(async () => {
    const index = path.resolve(import.meta.dirname, '../../dist/client/index.html')
    if (!fs.existsSync(index)) throw new Error('dist/client is missing: run `npx vite build` (npm test does)')
    browser = await launchBrowser()
  })

  afterEach(async () => {
    await context?.close()
    context = null
    await server?.stop({ removeData: true })
    server = null
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('sends a CSP without inline script on the app shell', async () => {
    const current = await startTestServer()
    server = current
    const response = await fetch(`${current.httpUrl}/`)
    await response.text()
    const header = response.headers.get('content-security-policy')
    expect(header).toBeTruthy()
    const policy = directives(header ?? '')
    const scriptSrc = policy.get('script-src') ?? policy.get('default-src') ?? []
    expect(header).toContain("script-src 'self'")
    expect(scriptSrc).toContain("'self'")
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    expect(scriptSrc.some((source) => source === '*' || source === 'data:' || source === 'http:')).toBe(false)
    expect(policy.get('object-src')).toEqual(["'none'"])
  })

  it('shows the editor, the admin page and the history page without a CSP violation', async () => {
    const current = await startTestServer()
    server = current
    const { account } = await current.createAccount({ role: 'co-chair', isAdmin: true, delegation: 'AZ' })
    const link = await current.app.stores.signInLinks.createSignInLink(
      account.id,
      new Date(Date.now() + 600_000),
    )

    const violations: Violation[] = []
    const consoleReports: string[] = []
    const pageErrors: string[] = []
    const activeContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    context = activeContext
    await activeContext.exposeBinding(
      'reportCspViolation',
      ({ page }, violation: Omit<Violation, 'page'>) => {
        violations.push({ ...violation, page: new URL(page.url()).pathname })
      },
    )
    await activeContext.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportCspViolation: (violation: object) => void })
          .reportCspViolation
        report({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          sample: event.sample,
        })
      })
    })
    const page: Page = await activeContext.newPage()
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) consoleReports.push(message.text())
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))

    const visited: string[] = []
    await page.goto(`${current.httpUrl}/sign-in#link=${link}`)
    await page.locator('.charter-text h1').waitFor({ timeout: 20_000 })
    expect(new URL(page.url()).pathname).toBe(`/d/${charterDocumentName}`)
    visited.push('editor')

    await page.goto(`${current.httpUrl}/admin`)
    await page.getByRole('heading', { name: 'People and invitations' }).waitFor({ timeout: 20_000 })
    visited.push('admin')

    await page.goto(`${current.httpUrl}/d/${charterDocumentName}/history`)
    await page.getByRole('heading', { name: 'History and exports' }).waitFor({ timeout: 20_000 })
    visited.push('history')
    // Let late resources (fonts, lazy chunks, WebSocket) load before counting.
    await page.waitForLoadState('networkidle')

    const violationsOnScreens = violations.length
    const consoleOnScreens = consoleReports.length
    expect(violations).toEqual([])
    expect(consoleReports).toEqual([])

    // And the policy bites: an inline script injected into a page of the app's origin does not run.
    await page.setContent(
      '<html><body><p>injected</p><script>window.inlineScriptRan = true</script></body></html>',
    )
    await page.waitForTimeout(200)
    const inlineRan = await page.evaluate(
      () => (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true,
    )
    expect(inlineRan).toBe(false)
    const blocked = violations.filter((violation) => violation.directive.startsWith('script-src'))
    expect(blocked.length + consoleReports.length).toBeGreaterThan(0)
    expect(pageErrors).toEqual([])

    summary('csp', {
      screens: visited.join('/'),
      violations: violationsOnScreens,
      consoleCspMessages: consoleOnScreens,
      inlineScriptBlocked: !inlineRan,
    })
  }, 90_000)
})
