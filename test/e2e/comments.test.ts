import type { Browser, Dialog } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import {
  articleParagraph,
  type BrowserSession,
  blockText,
  browserSession,
  type EditorPage,
  placeCaret,
} from './editorPage.ts'

const investment = articleParagraph('investment')
const security = articleParagraph('security')
/** How long a change may take to reach another participant's screen. */
const live = { timeoutMs: 10_000, intervalMs: 25 }

/** Selects `words` inside the element matching `selector` through the DOM selection, as a mouse drag would. */
async function selectText(target: EditorPage, selector: string, words: string): Promise<void> {
  await target.page.locator(selector).scrollIntoViewIfNeeded()
  await target.page.evaluate(
    ({ selector, words }) => {
      const block = document.querySelector(selector)
      if (!block) throw new Error(`no element matches ${selector}`)
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('.collaboration-carets__caret')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      })
      const texts: Text[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text)
      const whole = texts.map((text) => text.data).join('')
      const start = whole.indexOf(words)
      if (start < 0) throw new Error(`"${words}" is not in ${selector}: "${whole}"`)
      const locate = (offset: number, preferEnd: boolean): [Text, number] => {
        let seen = 0
        for (const text of texts) {
          const after = seen + text.data.length
          if (offset < after || (preferEnd && offset === after)) return [text, offset - seen]
          seen = after
        }
        const last = texts.at(-1)!
        return [last, last.data.length]
      }
      const range = document.createRange()
      range.setStart(...locate(start, false))
      range.setEnd(...locate(start + words.length, true))
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    { selector, words },
  )
  await target.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
}

function sidebar(target: EditorPage) {
  return target.page.locator('aside[aria-label="Comments"]')
}

function card(target: EditorPage, threadId: string) {
  return target.page.locator(`.thread-card[data-thread-id="${threadId}"]`)
}

/** Comments on `words` through the floating "Comment" button; returns the new thread's id. */
async function commentOnSelection(target: EditorPage, text: string): Promise<string> {
  const before = await target.page
    .locator('.thread-card')
    .evaluateAll((cards) => cards.map((element) => element.getAttribute('data-thread-id')))
  await target.page.locator('.selection-comment-button').click()
  const composer = target.page.getByLabel('Your comment')
  await composer.fill(text)
  await target.page.getByRole('button', { name: 'Post comment' }).click()
  return eventually(async () => {
    const ids = await target.page
      .locator('.thread-card')
      .evaluateAll((cards) => cards.map((element) => element.getAttribute('data-thread-id')))
    const created = ids.find((id) => !before.includes(id))
    expect(created).toBeTruthy()
    return created!
  }, live)
}

async function highlightText(target: EditorPage, threadId: string): Promise<string | null> {
  return target.page.evaluate((threadId) => {
    const spans = document.querySelectorAll(`.charter-text .comment-highlight[data-thread-id="${threadId}"]`)
    if (spans.length === 0) return null
    return [...spans].map((span) => span.textContent ?? '').join('')
  }, threadId)
}

describe('comment threads in the browser', () => {
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

  it('lets a reviewer comment on a sentence; a co-chair sees it live, finds its text and resolves it', async () => {
    const reviewer = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ', role: 'reviewer' })
    const coChair = await session.open({ name: 'John Carter', delegation: 'US', role: 'co-chair' })
    // The reviewer's editor is read-only: selecting still has to work.
    expect(await reviewer.editor.getAttribute('contenteditable')).toBe('false')
    const sentence = 'provisions on economic investment to be proposed by the Parties'
    expect(await blockText(reviewer, investment)).toContain(sentence)

    await selectText(reviewer, investment, sentence)
    const posted = Date.now()
    const threadId = await commentOnSelection(reviewer, 'Should this mention\ncloud infrastructure?')

    // The co-chair's sidebar gets the thread over the threads channel.
    const coChairCard = card(coChair, threadId)
    await eventually(async () => {
      expect(await coChairCard.locator('.comment-text').first().textContent()).toBe(
        'Should this mention\ncloud infrastructure?',
      )
    }, live)
    const latency = Date.now() - posted
    console.log(`[e2e] comment reached the co-chair in ${latency} ms`)
    expect(latency).toBeLessThan(10_000)
    expect(await coChairCard.locator('.area-badge').textContent()).toBe('2. Economic investment')
    expect(await coChairCard.locator('.thread-quote').textContent()).toBe(sentence)
    expect(await coChairCard.locator('.comment-author').textContent()).toBe('Leyla Mammadova')
    expect(await coChairCard.locator('.delegation-tag').textContent()).toBe('AZ')
    await eventually(async () => {
      expect(
        await coChair.page.locator('.navigator-item[data-area=investment] .thread-count').textContent(),
      ).toMatch(/^1/)
    })

    // Clicking the card marks its text as the active highlight.
    await coChairCard.locator('.thread-summary').click()
    await eventually(async () => {
      const active = coChair.page.locator(
        `.charter-text .comment-highlight.is-active[data-thread-id="${threadId}"]`,
      )
      expect(await active.count()).toBeGreaterThan(0)
      expect(await highlightText(coChair, threadId)).toBe(sentence)
    })
    expect(await coChairCard.getAttribute('class')).toContain('is-active')

    await coChairCard.getByRole('button', { name: 'Resolve' }).click()
    const reviewerCard = card(reviewer, threadId)
    await eventually(async () => {
      expect(await reviewerCard.locator('.status-badge.is-resolved').textContent()).toBe('Resolved')
    }, live)
    // Resolved threads are no longer highlighted or counted.
    await eventually(async () => {
      expect(await highlightText(reviewer, threadId)).toBeNull()
      expect(await reviewer.page.locator('.navigator-item[data-area=investment] .thread-count').count()).toBe(
        0,
      )
    })
    // Only the author or a co-chair may reopen it: the reviewer is the author.
    expect(await reviewerCard.getByRole('button', { name: 'Reopen' }).count()).toBe(1)
  })

  it('shows comment text as text: markup, markdown links and javascript: never run', async () => {
    const reviewer = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ', role: 'reviewer' })
    const coChair = await session.open({ name: 'John Carter', delegation: 'US', role: 'co-chair' })
    const dialogs: string[] = []
    for (const participant of [reviewer, coChair]) {
      participant.page.on('dialog', (dialog: Dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
    }
    const payload = [
      '<img src=x onerror=window.__xss=1>',
      '[x](javascript:window.__xss=2)',
      'javascript:window.__xss=3',
      '<script>alert(4)</script>',
    ].join('\n')

    await reviewer.page.getByRole('button', { name: 'New thread on an area' }).click()
    await reviewer.page.locator('#area-thread-area').selectOption('security')
    await reviewer.page.locator('#area-thread-text').fill(payload)
    await reviewer.page.getByRole('button', { name: 'Start thread' }).click()
    await selectText(reviewer, security, 'security cooperation')
    const inline = await commentOnSelection(reviewer, '<img src=x onerror=alert(5)>')

    for (const participant of [reviewer, coChair]) {
      await eventually(async () => {
        const texts = await sidebar(participant).locator('.comment-text').allTextContents()
        expect(texts).toContain(payload)
        expect(texts).toContain('<img src=x onerror=alert(5)>')
      }, live)
      expect(await sidebar(participant).locator('img, script, a[href]').count()).toBe(0)
      expect(await card(participant, inline).locator('.thread-quote').textContent()).toBe(
        'security cooperation',
      )
    }
    // Give any injected handler the chance to run before looking for its traces.
    await reviewer.page.waitForTimeout(200)
    for (const participant of [reviewer, coChair]) {
      expect(await participant.page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
    }
    expect(dialogs).toEqual([])
  })

  it('keeps the highlight on its words when a co-chair types before them', async () => {
    const reviewer = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ', role: 'reviewer' })
    const coChair = await session.open({ name: 'John Carter', delegation: 'US', role: 'co-chair' })
    const words = 'economic investment'

    await selectText(reviewer, investment, words)
    // The keyboard shortcut opens the composer too.
    await reviewer.page.keyboard.press('Control+Alt+m')
    await reviewer.page.getByLabel('Your comment').fill('Which sectors?')
    await reviewer.page.getByRole('button', { name: 'Post comment' }).click()
    const threadId = await eventually(async () => {
      const id = await reviewer.page.locator('.thread-card').first().getAttribute('data-thread-id')
      expect(id).toBeTruthy()
      return id!
    }, live)
    await eventually(async () => expect(await highlightText(coChair, threadId)).toBe(words), live)

    await placeCaret(coChair, investment, 'start')
    await coChair.page.keyboard.type('Baku and Washington agree: ')
    await eventually(async () => {
      expect(await blockText(reviewer, investment)).toMatch(/^Baku and Washington agree: /)
    }, live)
    // The co-chair's own edit is mapped locally; the reviewer resolves the anchor from Yjs.
    for (const participant of [coChair, reviewer]) {
      await eventually(async () => expect(await highlightText(participant, threadId)).toBe(words))
    }

    // Clicking the highlighted words selects the thread in the sidebar.
    await reviewer.page
      .locator(`.charter-text .comment-highlight[data-thread-id="${threadId}"]`)
      .first()
      .click()
    await eventually(async () => {
      expect(await card(reviewer, threadId).getAttribute('class')).toContain('is-active')
    })
  })

  it('shows a thread whose text was deleted as orphaned, with its quote', async () => {
    const reviewer = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ', role: 'reviewer' })
    const coChair = await session.open({ name: 'John Carter', delegation: 'US', role: 'co-chair' })
    const words = 'security cooperation'

    await selectText(reviewer, security, words)
    const threadId = await commentOnSelection(reviewer, 'Too vague.')
    await eventually(async () => expect(await highlightText(coChair, threadId)).toBe(words), live)
    expect(await card(coChair, threadId).locator('.status-badge.is-orphaned').count()).toBe(0)

    const paragraph = await blockText(coChair, security)
    await coChair.editor.focus()
    await selectText(coChair, security, paragraph)
    await coChair.page.keyboard.press('Backspace')
    await eventually(async () => expect(await blockText(reviewer, security)).toBe(''), live)

    for (const participant of [coChair, reviewer]) {
      const orphan = card(participant, threadId)
      await eventually(async () => {
        expect(await orphan.locator('.status-badge.is-orphaned').textContent()).toBe('Text deleted')
      })
      expect(await orphan.locator('.thread-quote').textContent()).toBe(words)
      expect(await highlightText(participant, threadId)).toBeNull()
    }
    // The "orphaned only" filter keeps it and nothing else.
    await reviewer.page.getByLabel('Orphaned only').check()
    expect(
      await reviewer.page
        .locator('.thread-card')
        .evaluateAll((cards) => cards.map((element) => element.getAttribute('data-thread-id'))),
    ).toEqual([threadId])
  })
})
