import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { selectText } from './bracketPage.ts'
import {
  articleParagraph,
  type BrowserSession,
  blockText,
  browserSession,
  type EditorPage,
  placeCaret,
} from './editorPage.ts'

const connectivity = articleParagraph('connectivity')

/** The suggestions shown in a paragraph: kind, delegation and text of each `<ins>` / `<del>`. */
function suggestionsIn(target: EditorPage, selector: string): Promise<string[]> {
  return target.page.locator(`${selector} .charter-suggestion`).evaluateAll((elements) =>
    elements.map((element) => {
      // Other people's carets are rendered inside the text; their labels are not the text.
      const copy = element.cloneNode(true) as Element
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
      return `${element.tagName.toLowerCase()} ${element.getAttribute('data-delegation')} ${copy.textContent}`
    }),
  )
}

async function suggesting(target: EditorPage): Promise<void> {
  await target.page.locator('.mode-suggesting-button').click()
  await eventually(async () =>
    expect(await target.page.locator('.mode-suggesting-button').getAttribute('aria-pressed')).toBe('true'),
  )
}

describe('suggestions in the browser', { timeout: 120_000 }, () => {
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
    server = await startTestServer()
    session = browserSession(browser, () => server)
  })

  afterEach(async () => {
    const errors = await session.close()
    await server.stop({ removeData: true })
    expect(errors, 'uncaught exceptions or console errors in the pages').toEqual([])
  })

  it('two delegations suggest in one paragraph; the other delegation accepts; undo removes my own suggestion', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    await suggesting(az)
    await suggesting(us)

    await placeCaret(az, connectivity, 'start')
    await az.page.keyboard.type('Firmly ')
    await selectText(us, connectivity, 'proposed')
    await us.page.keyboard.type('agreed')

    const expected = ['ins AZ Firmly ', 'del US proposed', 'ins US agreed']
    for (const participant of [az, us]) {
      await eventually(async () => expect(await suggestionsIn(participant, connectivity)).toEqual(expected))
    }
    const reader = await session.open({ name: 'Olivia Observer', delegation: 'US', role: 'observer' })
    await eventually(async () => expect(await suggestionsIn(reader, connectivity)).toEqual(expected))

    // Undo of my own suggestion removes it (and only mine); typing may have been captured in several steps.
    for (
      let step = 0;
      step < 8 && (await suggestionsIn(az, connectivity)).some((entry) => entry.startsWith('ins AZ'));
      step++
    ) {
      await az.editor.focus()
      await az.page.keyboard.press('Control+KeyZ')
      await az.page.waitForTimeout(100)
    }
    await eventually(async () =>
      expect(await suggestionsIn(us, connectivity)).toEqual(['del US proposed', 'ins US agreed']),
    )

    // The AZ drafter accepts the US replacement from the panel; the text then reads "agreed" for everyone.
    await az.page.locator('#side-tab-suggestions').click()
    await az.page.locator('.suggestion-item[data-delegation=US] .accept-suggestion').click()
    for (const participant of [az, us, reader]) {
      await eventually(async () => expect(await suggestionsIn(participant, connectivity)).toEqual([]))
      await eventually(async () =>
        expect(await blockText(participant, connectivity)).toContain('to be agreed by the Parties'),
      )
    }
  })

  it('under two keys the card waits for the other co-chair, who confirms from the panel', async () => {
    const { token } = await server.createAccount({
      name: 'Elnur AZ co-chair',
      delegation: 'AZ',
      role: 'co-chair',
    })
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${server.httpUrl}/api/documents/charter${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const policy = { required: false, reviewersSuggest: false, twoKeys: true }
    expect((await api('PUT', '/suggestion-policy', policy)).status).toBe(200)
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await suggesting(az)
    await placeCaret(az, connectivity, 'start')
    await az.page.keyboard.type('Firmly ')
    let suggestionId = ''
    await eventually(async () => {
      const open = (await (await api('GET', '/suggestions')).json()) as { id: string; insertedText: string }[]
      expect(open.map((suggestion) => suggestion.insertedText)).toEqual(['Firmly '])
      suggestionId = open[0]?.id ?? ''
    })
    // The AZ co-chair gives the first key.
    expect(
      (await api('POST', '/suggestions/decisions', { decision: 'accepted', ids: [suggestionId] })).status,
    ).toBe(200)

    const us = await session.open({ name: 'Mary Brown', delegation: 'US', role: 'co-chair' })
    await us.page.locator('#side-tab-suggestions').click()
    const card = us.page.locator(`.suggestion-item[data-suggestion-id="${suggestionId}"]`)
    await eventually(async () =>
      expect(await card.locator('.suggestion-waiting').textContent()).toBe('Waiting for the US co-chair'),
    )
    expect(await card.locator('.accept-suggestion').count()).toBe(0)
    expect(await az.page.locator('#side-tab-suggestions').count()).toBe(1)
    await card.locator('.confirm-suggestion').click()
    for (const participant of [az, us]) {
      await eventually(async () => expect(await suggestionsIn(participant, connectivity)).toEqual([]))
      await eventually(async () => expect(await blockText(participant, connectivity)).toMatch(/^Firmly /))
    }
  })
})
