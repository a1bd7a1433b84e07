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
} from './editorPage.ts'

const connectivity = articleParagraph('connectivity')
const phrase = 'to be proposed'

async function bracketPhrase(target: EditorPage, words = phrase): Promise<void> {
  await selectText(target, connectivity, words)
  await target.page.keyboard.press('Control+Alt+KeyB')
  await eventually(async () => {
    expect((await bracketsIn(target, connectivity)).map((bracket) => bracket.notation)).toContain(
      `[${words}]`,
    )
  })
}

describe('brackets and alternatives in the browser', () => {
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

  it('prototype: arrows, typing at the edges, backspace', async () => {
    const az = await session.open({ name: 'Leyla Mammadova', delegation: 'AZ' })
    await bracketPhrase(az)
    // Caret is at the end of the alternative: typing stays inside.
    await az.page.keyboard.type('!')
    console.log(JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
    await az.page.keyboard.press('ArrowRight')
    await az.page.keyboard.type('X')
    console.log(JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
    await az.page.keyboard.press('ArrowLeft')
    await az.page.keyboard.press('ArrowLeft')
    await az.page.keyboard.type('Y')
    console.log(JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
    await caretBesideBracket(az, connectivity, 'after')
    await az.page.keyboard.type('Z')
    console.log(
      'after',
      JSON.stringify(await bracketsIn(az, connectivity)),
      await blockText(az, connectivity),
    )
    await caretBesideBracket(az, connectivity, 'before')
    await az.page.keyboard.type('W')
    console.log(
      'before',
      JSON.stringify(await bracketsIn(az, connectivity)),
      await blockText(az, connectivity),
    )
    await az.page.keyboard.press('ArrowRight')
    await az.page.keyboard.type('V')
    console.log('into', JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
    // add an alternative, type in it, with IME
    await az.page.keyboard.press('Control+Alt+KeyA')
    await nextFrame(az)
    const cdp = await az.context.newCDPSession(az.page)
    await cdp.send('Input.imeSetComposition', { text: 'ə', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.imeSetComposition', { text: 'əğ', selectionStart: 2, selectionEnd: 2 })
    await cdp.send('Input.insertText', { text: 'əğı' })
    await nextFrame(az)
    console.log('ime', JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
    await az.page.keyboard.insertText('öşüç')
    console.log(
      'insert',
      JSON.stringify(await bracketsIn(az, connectivity)),
      await blockText(az, connectivity),
    )
    await az.page.keyboard.press('ArrowRight')
    await cdp.send('Input.imeSetComposition', { text: 'ş', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.insertText', { text: 'şə' })
    await nextFrame(az)
    console.log(
      'ime outside',
      JSON.stringify(await bracketsIn(az, connectivity)),
      await blockText(az, connectivity),
    )
    await az.page.keyboard.press('Control+Alt+KeyA')
    await nextFrame(az)
    await cdp.send('Input.imeSetComposition', { text: 'ü', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.insertText', { text: 'ü' })
    await nextFrame(az)
    console.log(
      'ime empty',
      JSON.stringify(await bracketsIn(az, connectivity)),
      await blockText(az, connectivity),
    )
    await az.page.keyboard.press('Home')
    await az.page.keyboard.press('Backspace')
    console.log('bs', JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
    await az.page.keyboard.press('Backspace')
    console.log('bs2', JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
    await az.page.keyboard.press('Control+KeyZ')
    console.log('undo', JSON.stringify(await bracketsIn(az, connectivity)), await blockText(az, connectivity))
  })
})
