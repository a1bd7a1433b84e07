import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { HoldableDocumentStore } from '../helpers/HoldableDocumentStore.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { offlineCacheCommitted } from '../helpers/offlineCacheCommitted.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import {
  articleParagraph,
  type BrowserSession,
  blockText,
  browserSession,
  countOccurrences,
  documentText,
  placeCaret,
  type SocketSwitch,
  storedCharterText,
  switchableSockets,
  waitForSyncState,
} from './editorPage.ts'

const connectivity = articleParagraph('connectivity')
const investment = articleParagraph('investment')
const security = articleParagraph('security')
const preambleOpening = 'section.charter-section[data-area=preamble] > p'

describe('collaborative editing in the browser', () => {
  let browser: Browser
  let server: TestServer
  let session: BrowserSession
  let store: HoldableDocumentStore

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    server = await startTestServer({
      wrapDocumentStore: (sqlite) => {
        store = new HoldableDocumentStore(sqlite)
        return store
      },
    })
    session = browserSession(browser, () => server)
  })

  afterEach(async () => {
    store.release()
    const errors = await session.close()
    await server.stop({ removeData: true })
    expect(errors, 'uncaught exceptions or console errors in the pages').toEqual([])
  })

  it('keeps both delegations’ words when they type at the start and the end of one paragraph at once', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    const original = await blockText(az, connectivity)

    await placeCaret(az, connectivity, 'start')
    await placeCaret(us, connectivity, 'end')
    await Promise.all([
      az.page.keyboard.type('Baku proposes: ', { delay: 10 }),
      us.page.keyboard.type(' Washington agrees.', { delay: 10 }),
    ])

    const expected = `Baku proposes: ${original} Washington agrees.`
    await eventually(async () => {
      expect(await blockText(az, connectivity)).toBe(expected)
      expect(await blockText(us, connectivity)).toBe(expected)
    })
    expect(await documentText(az)).toBe(await documentText(us))
  })

  it('converges without losing or duplicating a character when both type at the same spot at once', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    const original = await blockText(az, investment)

    await placeCaret(az, investment, 'end')
    await placeCaret(us, investment, 'end')
    const azWords = ' azerbaijan'
    const usWords = ' UNITED STATES'
    await Promise.all([
      az.page.keyboard.type(azWords, { delay: 10 }),
      us.page.keyboard.type(usWords, { delay: 10 }),
    ])

    const converged = await eventually(async () => {
      const [azText, usText] = [await documentText(az), await documentText(us)]
      expect(azText).toBe(usText)
      const paragraph = await blockText(az, investment)
      expect(paragraph.startsWith(original)).toBe(true)
      expect(paragraph.length).toBe(original.length + azWords.length + usWords.length)
      return paragraph
    })
    // Characters may interleave at a shared position; none may be lost or doubled.
    const inserted = converged.slice(original.length)
    expect([...inserted].sort()).toEqual([...(azWords + usWords)].sort())
    // Each person's own characters stay in the order they typed them.
    expect([...inserted].filter((character) => /[a-z]/.test(character)).join('')).toBe('azerbaijan')
    expect([...inserted].filter((character) => /[A-Z]/.test(character)).join('')).toBe('UNITEDSTATES')
  })

  it('shows the other participant’s caret labelled with their name and delegation', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })

    await placeCaret(az, connectivity, 'start')
    await placeCaret(us, security, 'end')
    await us.page.keyboard.type(' (US draft)')

    const label = az.page.locator('.collaboration-carets__label')
    await eventually(async () => {
      expect(await label.allTextContents()).toEqual(['John Carter · US'])
    })
    expect(await az.page.locator(`${security} .collaboration-carets__label`).count()).toBe(1)
    await eventually(async () => {
      expect(await us.page.locator(`${connectivity} .collaboration-carets__label`).allTextContents()).toEqual(
        ['Leyla Mammadova · AZ'],
      )
    })
    expect(await az.page.locator('.presence-user').count()).toBe(2)
    expect(await az.page.locator('.presence-user[data-delegation=US]').getAttribute('title')).toBe(
      'John Carter, United States',
    )

    if (process.env.E2E_SCREENSHOTS) {
      const directory = path.join(import.meta.dirname, 'artifacts')
      fs.mkdirSync(directory, { recursive: true })
      await label.first().scrollIntoViewIfNeeded()
      await az.page.screenshot({ path: path.join(directory, 'other-participant-caret.png') })
    }
  })

  it('shows a saved sentence after a reload, and the server has it, once', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const sentence = ' The Parties reaffirm their friendship (reload check).'

    await placeCaret(az, preambleOpening, 'end')
    await az.page.keyboard.type(sentence)
    await waitForSyncState(az, 'saved')
    await az.page.reload()
    await az.page.locator('.charter-text h1').waitFor()

    await eventually(async () => {
      expect(countOccurrences(await documentText(az), sentence)).toBe(1)
    })
    await waitForSyncState(az, 'saved')
    expect(countOccurrences(await storedCharterText(server), sentence)).toBe(1)

    // A second person, with no offline cache, gets it from the server.
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    expect(countOccurrences(await documentText(us), sentence)).toBe(1)
  })

  it('says "Saved" and shows the change to others only once the server has stored it', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    const usBefore = await documentText(us)
    store.hold()
    const sentence = ' Stored before it says saved.'

    await placeCaret(az, preambleOpening, 'end')
    await az.page.keyboard.type(sentence)

    await waitForSyncState(az, 'saving')
    await eventually(() => expect(store.waitingAppends).toBeGreaterThan(0))
    // Relayed edits reach a browser within milliseconds; for a second nothing may arrive or say "Saved".
    const heldSince = Date.now()
    while (Date.now() - heldSince < 1000) {
      expect(await az.indicator.textContent()).toBe('Saving…')
      // Not one keystroke of it: the first one alone is enough to show a relay before storing.
      expect(await documentText(us)).toBe(usBefore)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(countOccurrences(await storedCharterText(server), sentence)).toBe(0)

    store.release()
    await waitForSyncState(az, 'saved')
    expect(await az.indicator.textContent()).toBe('Saved')
    // No waiting here: "Saved" must already mean a fresh client gets the text.
    expect(countOccurrences(await storedCharterText(server), sentence)).toBe(1)
    await eventually(async () => expect(countOccurrences(await documentText(us), sentence)).toBe(1))
  })

  it('merges edits made while the server was down, once each, and says "Saved" again', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    const { port, dataDir } = server

    session.expectConnectionErrors()
    await server.stop()
    await waitForSyncState(az, 'offline')
    await waitForSyncState(us, 'offline')
    expect(await az.indicator.textContent()).toBe('Offline')

    const azSentence = ' Offline proposal from Baku.'
    const usSentence = ' Offline proposal from Washington.'
    await placeCaret(az, connectivity, 'end')
    await az.page.keyboard.type(azSentence)
    await placeCaret(us, security, 'end')
    await us.page.keyboard.type(usSentence)
    await eventually(async () => {
      expect(await az.indicator.textContent()).toMatch(/^Offline — \d+ changes? pending$/)
      expect(await us.indicator.textContent()).toMatch(/^Offline — \d+ changes? pending$/)
    })
    expect(countOccurrences(await documentText(us), azSentence)).toBe(0)

    server = await startTestServer({ dataDir, env: { PORT: String(port) } })

    await eventually(
      async () => {
        for (const participant of [az, us]) {
          const text = await documentText(participant)
          expect(countOccurrences(text, azSentence)).toBe(1)
          expect(countOccurrences(text, usSentence)).toBe(1)
        }
      },
      { timeoutMs: 15_000 },
    )
    await waitForSyncState(az, 'saved')
    await waitForSyncState(us, 'saved')
    expect(await documentText(az)).toBe(await documentText(us))
    const stored = await storedCharterText(server)
    expect(countOccurrences(stored, azSentence)).toBe(1)
    expect(countOccurrences(stored, usSentence)).toBe(1)
    expect(countOccurrences(stored, 'Charter on Strategic Partnership between')).toBe(1)
  })

  it('keeps edits made offline across a reload of the page, then saves them once back online', async () => {
    let sockets: SocketSwitch | null = null
    const az = await session.open({
      name: 'Leyla Mammadova',
      delegation: 'AZ',
      prepare: async (context) => {
        sockets = await switchableSockets(context)
      },
    })
    if (!sockets) throw new Error('sockets not routed')
    const network: SocketSwitch = sockets
    session.expectConnectionErrors()
    await network.cut()
    await waitForSyncState(az, 'offline')
    const sentence = ' Typed offline, kept across a reload.'
    await placeCaret(az, preambleOpening, 'end')
    await az.page.keyboard.type(sentence)
    await eventually(async () =>
      expect(await az.indicator.textContent()).toMatch(/^Offline — \d+ changes? pending$/),
    )
    expect(countOccurrences(await storedCharterText(server), sentence)).toBe(0)

    // IndexedDB drops a write not yet committed at unload: reload as a person would, not within a millisecond of
    // the last keystroke (CI once lost the sentence's last letters that way).
    await offlineCacheCommitted(az.page, charterDocumentName)
    await az.page.reload()
    await az.page.locator('.charter-text h1').waitFor()
    // Only the page's own offline cache (IndexedDB) can have it now.
    await eventually(async () => expect(countOccurrences(await documentText(az), sentence)).toBe(1))
    await waitForSyncState(az, 'offline')
    expect(countOccurrences(await storedCharterText(server), sentence)).toBe(0)

    network.restore()
    await waitForSyncState(az, 'saved', 20_000)
    expect(countOccurrences(await documentText(az), sentence)).toBe(1)
    expect(countOccurrences(await storedCharterText(server), sentence)).toBe(1)
    const us = await session.open({ name: 'John Carter', delegation: 'US' })
    expect(countOccurrences(await documentText(us), sentence)).toBe(1)
  })

  it('undoes only my own change: the other delegation’s text stays', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })

    await placeCaret(az, connectivity, 'end')
    await az.page.keyboard.type(' AAA')
    await placeCaret(us, security, 'end')
    await us.page.keyboard.type(' BBB')
    await eventually(async () => {
      for (const participant of [az, us]) {
        const text = await documentText(participant)
        expect(text).toContain(' AAA')
        expect(text).toContain(' BBB')
      }
    })

    await az.editor.focus()
    await az.page.keyboard.press('Control+z')
    await eventually(async () => {
      for (const participant of [az, us]) {
        const text = await documentText(participant)
        expect(text).not.toContain(' AAA')
        expect(text).toContain(' BBB')
      }
    })

    await us.page.getByRole('button', { name: 'Undo my last change' }).click()
    await eventually(async () => {
      for (const participant of [az, us]) {
        const text = await documentText(participant)
        expect(text).not.toContain(' BBB')
        expect(text).not.toContain(' AAA')
      }
    })
    await waitForSyncState(az, 'saved')
    await waitForSyncState(us, 'saved')
    const stored = await storedCharterText(server)
    expect(stored).not.toContain(' AAA')
    expect(stored).not.toContain(' BBB')
  })
})
