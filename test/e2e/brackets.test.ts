import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import { bracketsIn, caretBesideBracket, nextFrame, selectText } from './bracketPage.ts'
import {
  articleParagraph,
  type BrowserSession,
  blockText,
  browserSession,
  type EditorPage,
  storedCharterText,
} from './editorPage.ts'

const connectivity = articleParagraph('connectivity')
const investmentArticle = 'section.charter-section[data-area=investment] .charter-article'
const phrase = 'to be proposed'
const original = '[Placeholder: provisions on regional connectivity to be proposed by the Parties.]'

/** Where screenshots go when asked for (E2E_SCREENSHOTS=1): test/e2e/artifacts, next to the other tests' ones. */
const screenshots = process.env.E2E_SCREENSHOTS ? path.join(import.meta.dirname, 'artifacts') : null

async function notations(target: EditorPage): Promise<string[]> {
  return (await bracketsIn(target, connectivity)).map((bracket) => bracket.notation)
}

async function bracketPhrase(target: EditorPage, words = phrase): Promise<void> {
  await selectText(target, connectivity, words)
  await target.page.keyboard.press('Control+Alt+KeyB')
  await eventually(async () => expect(await notations(target)).toEqual([`[${words}]`]))
}

async function generated(
  target: EditorPage,
  selector: string,
  pseudo: '::before' | '::after',
): Promise<string[]> {
  return target.page
    .locator(selector)
    .evaluateAll(
      (elements, pseudo) => elements.map((element) => getComputedStyle(element, pseudo).content),
      pseudo,
    )
}

async function pasteHtml(target: EditorPage, html: string, text: string): Promise<void> {
  await target.page.evaluate(
    ({ html, text }) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', text)
      document
        .querySelector('.charter-text')
        ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    { html, text },
  )
  await nextFrame(target)
}

describe('brackets and alternatives in the browser', { timeout: 60_000 }, () => {
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

  it('an AZ drafter brackets a phrase, a US drafter adds an alternative: both see [AZ text / US text]', {
    timeout: 120_000,
  }, async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US' })

    await selectText(az, connectivity, phrase)
    await az.page.locator('.toolbar-bracket').click()
    await eventually(async () => expect(await notations(us)).toEqual([`[${phrase}]`]))

    // The US drafter cannot type into the AZ alternative, but adds its own beside it.
    expect((await bracketsIn(us, connectivity))[0]?.alternatives[0]?.locked).toBe(true)
    // The lock explains itself in the reader's language, and follows a switch of language.
    const lockedTitle = () =>
      us.page.locator(`${connectivity} .charter-alternative.is-locked`).first().getAttribute('title')
    expect(await lockedTitle()).toBe('Proposed by the other side: only they can change or withdraw it.')
    await us.page.locator('.user-chip').click()
    for (const [language, title] of [
      ['Azərbaycanca', 'Digər tərəfin təklifidir: yalnız onlar dəyişə və ya geri götürə bilər.'],
      ['English', 'Proposed by the other side: only they can change or withdraw it.'],
    ] as const) {
      await us.page.getByRole('button', { name: language }).click()
      await eventually(async () => expect(await lockedTitle()).toBe(title))
    }
    await us.page.locator('.user-chip').click()
    await caretBesideBracket(us, connectivity, 'after')
    await us.page.keyboard.press('Control+Alt+KeyA')
    await us.page.keyboard.type('to be agreed')

    for (const participant of [az, us]) {
      await eventually(async () => {
        const [bracket] = await bracketsIn(participant, connectivity)
        expect(bracket?.notation).toBe('[to be proposed / to be agreed]')
        expect(bracket?.alternatives.map((alternative) => alternative.proposedBy)).toEqual(['AZ', 'US'])
        // Each side may edit only its own alternative.
        const mine = participant === az ? 'AZ' : 'US'
        expect(bracket?.alternatives.map((alternative) => alternative.locked)).toEqual(
          bracket?.alternatives.map((alternative) => alternative.proposedBy !== mine),
        )
      })
      // The proposer in words next to the colour: a superscript label after each alternative.
      expect(await generated(participant, `${connectivity} .charter-alternative`, '::after')).toEqual([
        '"AZ"',
        '"US"',
      ])
    }
    expect(await blockText(az, connectivity)).toBe(
      '[Placeholder: provisions on regional connectivity to be proposedto be agreed by the Parties.]',
    )

    // Editing the other side's alternative is refused in the editor, with an explanation.
    await selectText(us, connectivity, 'proposed')
    await us.page.keyboard.type('x')
    await eventually(async () =>
      expect(await us.page.locator('.bracket-notice').textContent()).toContain('other side'),
    )
    await caretBesideBracket(us, connectivity, 'after')
    await us.page.keyboard.press('Backspace')
    expect((await bracketsIn(us, connectivity))[0]?.selected).toBe(true)
    await us.page.keyboard.press('Backspace')
    expect(await notations(us)).toEqual(['[to be proposed / to be agreed]'])
    expect(await notations(az)).toEqual(['[to be proposed / to be agreed]'])

    // The panel and the navigator count what the document holds; choosing a bracket selects it.
    for (const participant of [az, us]) {
      await participant.page.locator('#side-tab-brackets').click()
      await expect
        .poll(() => participant.page.locator('.bracket-item').count())
        .toBe((await bracketsIn(participant)).length)
      expect(
        await participant.page
          .locator('.navigator-item[data-area=connectivity] .bracket-count')
          .textContent(),
      ).toContain('1')
    }
    await az.editor.focus()
    await az.page.keyboard.press('Control+Home')
    await az.page.locator('.bracket-item').first().click()
    await eventually(async () => expect((await bracketsIn(az, connectivity))[0]?.selected).toBe(true))

    if (screenshots) {
      fs.mkdirSync(screenshots, { recursive: true })
      await az.page.locator(connectivity).scrollIntoViewIfNeeded()
      await az.page.screenshot({ path: path.join(screenshots, 'brackets-markup.png') })
    }

    // Clean view: only the text outside brackets, each bracket a marker; reading only.
    await az.page.locator('.view-clean-button').click()
    await eventually(async () => expect(await az.editor.getAttribute('contenteditable')).toBe('false'))
    expect(await generated(az, `${connectivity} .charter-bracket`, '::before')).toEqual(['"[…]"'])
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point (hidden text excluded)
    const visible = await az.page.locator(connectivity).innerText()
    expect(visible).not.toContain('to be proposed')
    expect(visible).not.toContain('to be agreed')
    expect(visible).toContain('provisions on regional connectivity')
    if (screenshots) await az.page.screenshot({ path: path.join(screenshots, 'brackets-clean.png') })
    // The choice is the reader's own, and survives a reload.
    expect(await notations(us)).toEqual(['[to be proposed / to be agreed]'])
    await az.page.reload()
    await az.page.locator('.charter-text h1').waitFor()
    expect(await az.page.locator('.page.view-clean').count()).toBe(1)
    await az.page.locator('.view-markup-button').click()
    await eventually(async () => expect(await az.editor.getAttribute('contenteditable')).toBe('true'))
  })

  it('keeps the caret predictable at bracket edges: arrows, typing, Backspace, Delete and undo', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await bracketPhrase(az)
    const text = () => blockText(az, connectivity)

    // The caret ends inside, at the end of the new alternative: typing stays inside.
    await az.page.keyboard.type('!')
    expect(await notations(az)).toEqual(['[to be proposed!]'])
    // One ArrowRight leaves the bracket; typing there goes outside.
    await az.page.keyboard.press('ArrowRight')
    await az.page.keyboard.type('X')
    expect(await notations(az)).toEqual(['[to be proposed!]'])
    expect(await text()).toContain('to be proposed!X by')
    // Back: one ArrowLeft to just after the bracket, one more into it.
    await az.page.keyboard.press('ArrowLeft')
    await az.page.keyboard.type('Y')
    expect(await notations(az)).toEqual(['[to be proposed!]'])
    await az.page.keyboard.press('ArrowLeft')
    await az.page.keyboard.press('ArrowLeft')
    await az.page.keyboard.type('?')
    expect(await notations(az)).toEqual(['[to be proposed!?]'])
    expect(await text()).toContain('to be proposed!?YX by')

    // Typing right before a bracket goes before it; ArrowRight from there enters it at its start.
    await caretBesideBracket(az, connectivity, 'before')
    await az.page.keyboard.type('(')
    await az.page.keyboard.press('ArrowRight')
    await az.page.keyboard.type('—')
    expect(await notations(az)).toEqual(['[—to be proposed!?]'])
    expect(await text()).toContain('connectivity (—to be proposed!?YX')

    // Backspace at the start of an alternative never merges it into the sentence: it selects the bracket.
    await az.page.keyboard.press('Backspace')
    expect(await notations(az)).toEqual(['[to be proposed!?]'])
    await az.page.keyboard.press('Backspace')
    expect((await bracketsIn(az, connectivity))[0]?.selected).toBe(true)
    // From the selected bracket an arrow leaves it; Backspace just after it selects it again.
    await az.page.keyboard.press('ArrowRight')
    await az.page.keyboard.press('Backspace')
    expect((await bracketsIn(az, connectivity))[0]?.selected).toBe(true)
    expect(await notations(az)).toEqual(['[to be proposed!?]'])
    // Delete at the end of an alternative selects it too.
    await az.page.keyboard.press('ArrowRight')
    await az.page.keyboard.press('ArrowLeft')
    await az.page.keyboard.press('Delete')
    expect((await bracketsIn(az, connectivity))[0]?.selected).toBe(true)
    // A second press deletes a bracket that holds only my alternatives; undo brings it back.
    await az.page.keyboard.press('Delete')
    expect(await notations(az)).toEqual([])
    await az.page.keyboard.press('Control+KeyZ')
    await eventually(async () => expect(await notations(az)).toEqual(['[to be proposed!?]']))

    // An empty alternative just added goes away with one Backspace.
    await caretBesideBracket(az, connectivity, 'after')
    await az.page.keyboard.press('Control+Alt+KeyA')
    expect(await notations(az)).toEqual(['[to be proposed!? / ]'])
    await az.page.keyboard.press('Backspace')
    expect(await notations(az)).toEqual(['[to be proposed!?]'])

    // Enter inside a bracket does not split the sentence around it.
    await az.page.keyboard.press('Enter')
    expect(await notations(az)).toEqual(['[to be proposed!?]'])

    // Undo of the bracket operation itself gives back the plain sentence.
    for (let press = 0; press < 20 && (await notations(az)).length > 0; press++) {
      await az.page.keyboard.press('Control+KeyZ')
      await nextFrame(az)
    }
    await eventually(async () => expect(await text()).toBe(original))
  })

  it('cleans a bracket only with both co-chairs: AZ requests keeping the US text, US confirms, all read plain text', {
    timeout: 120_000,
  }, async () => {
    const az = await session.open({ name: 'Aysel Karimova', delegation: 'AZ', role: 'co-chair' })
    const us = await session.open({ name: 'Mary Brooks', delegation: 'US', role: 'co-chair' })
    await bracketPhrase(az)
    await eventually(async () => expect(await notations(us)).toEqual([`[${phrase}]`]))
    await caretBesideBracket(us, connectivity, 'after')
    await us.page.keyboard.press('Control+Alt+KeyA')
    await us.page.keyboard.type('to be agreed')
    for (const participant of [az, us]) {
      await eventually(async () =>
        expect(await notations(participant)).toEqual(['[to be proposed / to be agreed]']),
      )
      await participant.page.locator('#side-tab-brackets').click()
    }

    // AZ asks to keep the US alternative; nothing changes in the text until the other delegation confirms.
    const azControls = az.page.locator('.brackets-panel .cleaning-controls')
    await azControls.locator('select').selectOption({ index: 1 })
    await azControls.getByRole('button', { name: 'Request cleaning' }).click()
    await eventually(async () => expect(await azControls.textContent()).toContain('Waiting for'))
    expect(await notations(us)).toEqual(['[to be proposed / to be agreed]'])

    const usControls = us.page.locator('.brackets-panel .cleaning-controls')
    await eventually(async () => expect(await usControls.textContent()).toContain('to be agreed'))
    await usControls.getByRole('button', { name: 'Confirm' }).click()

    // The server cleaned the canonical document: plain text on both screens, after a reload, and in the store.
    const cleaned = '[Placeholder: provisions on regional connectivity to be agreed by the Parties.]'
    for (const participant of [az, us]) {
      await eventually(async () => {
        expect(await notations(participant)).toEqual([])
        expect(await blockText(participant, connectivity)).toBe(cleaned)
      })
    }
    // The panel keeps the decision: who agreed, and what stands.
    await az.page.locator('.brackets-cleaned summary').click()
    await eventually(async () => {
      const outcome = await az.page.locator('.brackets-cleaned .cleaning-outcome').textContent()
      expect(outcome).toContain('to be agreed')
      expect(outcome).toContain('Aysel Karimova')
      expect(outcome).toContain('Mary Brooks')
    })
    await us.page.reload()
    await us.page.locator('.charter-text h1').waitFor()
    await eventually(async () => expect(await blockText(us, connectivity)).toBe(cleaned))
    expect(await notations(us)).toEqual([])
    expect(await storedCharterText(server)).toContain('regional connectivity to be agreed by the Parties')
    if (screenshots) {
      fs.mkdirSync(screenshots, { recursive: true })
      await az.page.screenshot({ path: path.join(screenshots, 'brackets-cleaned.png') })
    }
  })

  it('takes Azerbaijani text, typed and composed through an IME, inside and at the edges of brackets', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await bracketPhrase(az)
    const cdp = await az.context.newCDPSession(az.page)
    async function compose(steps: string[], committed: string): Promise<void> {
      await nextFrame(az)
      for (const step of steps) {
        await cdp.send('Input.imeSetComposition', {
          text: step,
          selectionStart: step.length,
          selectionEnd: step.length,
        })
      }
      await cdp.send('Input.insertText', { text: committed })
      await nextFrame(az)
    }

    // Inside a new, empty alternative.
    await az.page.keyboard.press('Control+Alt+KeyA')
    await compose(['ə', 'əğ'], 'əğı')
    expect(await notations(az)).toEqual(['[to be proposed / əğı]'])
    // Typed characters at the end of an alternative.
    await az.page.keyboard.insertText('öşüç')
    await az.page.keyboard.type(' ÇŞĞÜÖİƏ')
    expect(await notations(az)).toEqual(['[to be proposed / əğıöşüç ÇŞĞÜÖİƏ]'])
    // Composed right after the bracket: outside it.
    await az.page.keyboard.press('ArrowRight')
    await compose(['ş'], 'şə')
    expect(await notations(az)).toEqual(['[to be proposed / əğıöşüç ÇŞĞÜÖİƏ]'])
    expect(await blockText(az, connectivity)).toContain('ÇŞĞÜÖİƏşə by the Parties')
    // Composed right before the bracket: outside it too.
    await caretBesideBracket(az, connectivity, 'before')
    await compose(['ü'], 'ün')
    expect(await notations(az)).toEqual(['[to be proposed / əğıöşüç ÇŞĞÜÖİƏ]'])
    expect(await blockText(az, connectivity)).toContain('connectivity ünto be proposed')
    // A further alternative, composed into while still empty.
    await caretBesideBracket(az, connectivity, 'after')
    await az.page.keyboard.press('Control+Alt+KeyA')
    await compose(['ç'], 'çay')
    expect(await notations(az)).toEqual(['[to be proposed / əğıöşüç ÇŞĞÜÖİƏ / çay]'])
  })

  it('pastes into and across a bracket, and gives a pasted bracket a new id and the paster as proposer', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await bracketPhrase(az)
    const [bracket] = await bracketsIn(az, connectivity)

    // Plain text pasted inside an alternative stays inside it.
    await selectText(az, connectivity, 'be')
    await pasteHtml(az, '', 'shall be')
    expect(await notations(az)).toEqual(['[to shall be proposed]'])

    // A copy of a bracket (here, one another delegation proposed) becomes a new bracket of mine.
    await caretBesideBracket(az, connectivity, 'after')
    await az.page.keyboard.type(' ')
    await pasteHtml(
      az,
      `<span data-type="bracket" data-bracket-id="${bracket?.id}"><span data-type="bracket-alternative" data-alternative-id="x" data-proposed-by="US">may</span></span>`,
      'may',
    )
    await eventually(async () => expect(await notations(az)).toEqual(['[to shall be proposed]', '[may]']))
    const pasted = (await bracketsIn(az, connectivity))[1]
    expect(pasted?.id).not.toBe(bracket?.id)
    expect(pasted?.alternatives[0]?.proposedBy).toBe('AZ')

    // Across a bracket edge: from the sentence into an alternative. The bracket survives as a bracket.
    await selectText(az, connectivity, 'connectivity to shall')
    await pasteHtml(az, '', 'links')
    const after = await bracketsIn(az, connectivity)
    expect(after.length).toBeGreaterThanOrEqual(1)
    expect(await blockText(az, connectivity)).toContain('links')
  })

  it('makes a paragraph a choice of options, each with its proposer', { timeout: 90_000 }, async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    const us = await session.open({ name: 'John Carter', delegation: 'US', role: 'co-chair' })
    await selectText(az, `${investmentArticle} p`, 'economic investment')
    await az.page.locator('.toolbar-wrap-in-options').click()
    await eventually(async () =>
      expect(await us.page.locator(`${investmentArticle} .charter-option`).count()).toBe(1),
    )

    // A US co-chair tables a bridging proposal as a further option.
    await us.page.locator('.proposer-picker select').selectOption('joint')
    await selectText(us, `${investmentArticle} p`, 'economic investment')
    await us.page.keyboard.press('Control+Alt+KeyO')
    await us.page.keyboard.type('Joint text on investment.')
    for (const participant of [az, us]) {
      await eventually(async () => {
        const options = participant.page.locator(`${investmentArticle} .charter-option`)
        expect(
          await options.evaluateAll((all) => all.map((option) => option.getAttribute('data-proposed-by'))),
        ).toEqual(['AZ', 'joint'])
      })
      expect(
        await generated(participant, `${investmentArticle} .charter-option > p:first-child`, '::before'),
      ).toEqual(['"[Option " counter(option) ": "', '"[Option " counter(option) ": "'].map((value) => value))
    }
    if (screenshots) {
      await us.page.locator(investmentArticle).scrollIntoViewIfNeeded()
      await us.page.screenshot({ path: path.join(screenshots, 'brackets-options.png') })
    }
  })
})
