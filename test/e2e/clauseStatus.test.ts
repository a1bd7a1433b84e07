import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ClauseOverview } from '../../shared/negotiation/clauseStatus.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { articleParagraph, type BrowserSession, blockText, browserSession, placeCaret } from './editorPage.ts'

const screenshots = process.env.SCREENSHOT_DIR

describe('clause status in the browser', () => {
  let browser: Browser
  let server: TestServer
  let session: BrowserSession

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => browser.close())

  beforeEach(async () => {
    server = await startTestServer()
    session = browserSession(browser, () => server)
  })

  afterEach(async () => {
    expect(await session.close()).toEqual([])
    await server.stop({ removeData: true })
  })

  async function agree(area: string): Promise<void> {
    const base = `${server.httpUrl}/api/documents/${charterDocumentName}`
    const tokens = {
      AZ: (await server.createAccount({ role: 'co-chair', delegation: 'AZ' })).token,
      US: (await server.createAccount({ role: 'co-chair', delegation: 'US' })).token,
    }
    const clauses = (await (
      await fetch(`${base}/clauses`, { headers: { Authorization: `Bearer ${tokens.AZ}` } })
    ).json()) as ClauseOverview[]
    const clauseId = clauses.find((clause) => clause.area === area)!.clauseId
    for (const delegation of ['AZ', 'US'] as const) {
      const response = await fetch(`${base}/clauses/${clauseId}/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens[delegation]}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ to: 'agreedAdRef' }),
      })
      expect(response.status).toBe(200)
    }
  }

  it('marks agreed text, keeps a drafter from typing into it, and lets open text be edited', {
    timeout: 90_000,
  }, async () => {
    await agree('security')
    const drafter = await session.open({ name: 'Leyla', delegation: 'AZ' })
    const agreedArticle = drafter.page.locator('section.charter-section[data-area=security] .charter-article')
    await eventually(async () =>
      expect(await agreedArticle.getAttribute('data-clause-status')).toBe('agreedAdRef'),
    )
    expect(await agreedArticle.getAttribute('data-clause-label')).toBe('Agreed ad ref.')
    const security = articleParagraph('security')
    const before = await blockText(drafter, security)
    await placeCaret(drafter, security, 'end')
    await drafter.page.keyboard.type(' unilateral')
    await drafter.page.getByText('This article is agreed').waitFor()
    expect(await blockText(drafter, security)).toBe(before)

    const investment = articleParagraph('investment')
    await placeCaret(drafter, investment, 'end')
    await drafter.page.keyboard.type(' Open text.')
    await eventually(async () => expect(await blockText(drafter, investment)).toMatch(/Open text\.$/))
    if (screenshots) await drafter.page.screenshot({ path: `${screenshots}/clause-status-editor.png` })
  })

  it('focus view shows one area, and the dashboard shows the figures with the co-chairs keys', {
    timeout: 90_000,
  }, async () => {
    await agree('connectivity')
    const chair = await session.open({ name: 'Ayşe', delegation: 'US', role: 'co-chair' })
    await chair.page.goto(`${server.httpUrl}/d/${charterDocumentName}?area=investment`)
    await chair.page.locator('.charter-text h1').waitFor()
    await eventually(async () =>
      expect(await chair.page.locator('section.charter-section.is-collapsed').count()).toBe(5),
    )
    expect(
      await chair.page.locator('section.charter-section[data-area=investment] .charter-article').isVisible(),
    ).toBe(true)
    expect(
      await chair.page.locator('section.charter-section[data-area=security] .charter-article').isVisible(),
    ).toBe(false)

    await chair.page.goto(`${server.httpUrl}/d/${charterDocumentName}/dashboard`)
    await chair.page.getByRole('heading', { name: 'State of the negotiation' }).waitFor()
    const summary = await chair.page.locator('.dashboard-summary').innerText()
    expect(summary).toMatch(/1 of 5 articles agreed/)
    expect(await chair.page.getByRole('button', { name: 'Propose agreement ad ref.' }).count()).toBe(4)
    await chair.page.getByRole('button', { name: 'Propose agreement ad ref.' }).first().click()
    await chair.page.getByText('Waiting for AZ: Agreed ad ref.').waitFor()
    expect(await chair.page.locator('.chain-status').innerText()).toMatch(/3 events, hash chain intact/)
    if (screenshots) await chair.page.screenshot({ path: `${screenshots}/dashboard.png`, fullPage: true })
  })
})
