import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/roles/index.ts'
import { documentField } from '../../shared/schema/index.ts'
import { connectClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import type { TestServer } from '../helpers/startTestServer.ts'

export type Delegation = 'AZ' | 'US'
export type SyncState = 'saved' | 'saving' | 'offline'

/**
 * Console output Chromium prints on its own while the server is unreachable or the browser is offline (including
 * a request the service worker could answer neither from the network nor from its cache); not an application
 * error.
 */
const connectionNoise = [
  /WebSocket connection to '.*' failed/,
  /Failed to load resource: net::ERR_(?:CONNECTION_REFUSED|INTERNET_DISCONNECTED|FAILED)/,
  // The service worker's script could not be downloaded (the app registers it a moment after the first sync).
  /An unknown error occurred when fetching the script\./,
]

/** Everything a test needs to drive one participant: a private browser context (own storage) and its page. */
export interface EditorPage {
  context: BrowserContext
  page: Page
  name: string
  delegation: Delegation
  /** Uncaught exceptions and console errors seen in this page so far. */
  errors: string[]
  editor: Locator
  indicator: Locator
}

export interface BrowserSession {
  /**
   * Creates an account (drafter unless `role` says otherwise), signs it in with a one-time link, opens the charter.
   * `prepare` runs on the new browser context before the first page loads (e.g. to route its sockets).
   */
  open(options: {
    name: string
    delegation: Delegation
    role?: Role
    prepare?: (context: BrowserContext) => Promise<void>
  }): Promise<EditorPage>
  /** From now on, errors caused by the server being unreachable are expected and ignored. */
  expectConnectionErrors(): void
  /** Closes every context and returns the unexpected errors of every page. */
  close(): Promise<string[]>
}

/** Opens participants against one server; each `open` is a separate user with its own storage. */
export function browserSession(browser: Browser, currentServer: () => TestServer): BrowserSession {
  const pages: EditorPage[] = []
  let connectionErrorsExpected = false

  function record(target: EditorPage, message: string): void {
    if (connectionErrorsExpected && connectionNoise.some((pattern) => pattern.test(message))) return
    target.errors.push(message)
  }

  return {
    async open({ name, delegation, role = 'drafter', prepare }) {
      const server = currentServer()
      const { account } = await server.createAccount({ name, delegation, role })
      const link = await server.app.stores.signInLinks.createSignInLink(
        account.id,
        new Date(Date.now() + 600_000),
      )
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      await prepare?.(context)
      const page = await context.newPage()
      const participant: EditorPage = {
        context,
        page,
        name,
        delegation,
        errors: [],
        editor: page.locator('.charter-text'),
        indicator: page.locator('output.sync-indicator'),
      }
      pages.push(participant)
      page.on('pageerror', (error) => record(participant, `pageerror: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') record(participant, `console.error: ${message.text()}`)
      })
      await page.goto(`${server.httpUrl}/sign-in#link=${link}`)
      await page.locator('.charter-text h1').waitFor()
      await waitForSyncState(participant, 'saved')
      return participant
    },
    expectConnectionErrors() {
      connectionErrorsExpected = true
    },
    async close() {
      const errors = pages.flatMap((participant) =>
        participant.errors.map((error) => `${participant.name}: ${error}`),
      )
      await Promise.all(pages.splice(0).map((participant) => participant.context.close()))
      return errors
    },
  }
}

/** Cuts and restores a browser context's sync sockets while its pages are still served over HTTP. */
export interface SocketSwitch {
  /** Closes the open sync sockets ("going away") and refuses new ones until `restore`. */
  cut(): Promise<void>
  restore(): void
}

/** Routes a context's sync sockets through Playwright so a test can take just them offline. */
export async function switchableSockets(context: BrowserContext): Promise<SocketSwitch> {
  let online = true
  const open = new Map<WebSocketRoute, WebSocketRoute>()
  await context.routeWebSocket(/\/collab\//, async (page) => {
    if (!online) {
      await page.close({ code: 1001, reason: 'offline' })
      return
    }
    open.set(page, page.connectToServer())
  })
  return {
    cut: async () => {
      online = false
      const routes = [...open]
      open.clear()
      await Promise.all(
        routes.map(async ([page, server]) => {
          await page.close({ code: 1001, reason: 'offline' })
          await server.close()
        }),
      )
    },
    restore: () => {
      online = true
    },
  }
}

/** The first paragraph of the only article in a priority section. */
export function articleParagraph(area: string): string {
  return `section.charter-section[data-area=${area}] .charter-article p`
}

/**
 * Puts the caret at the start or end of a paragraph's text through the DOM selection, which ProseMirror
 * adopts; unlike a click it does not depend on where the line wraps.
 */
export async function placeCaret(
  target: EditorPage,
  selector: string,
  where: 'start' | 'end',
): Promise<void> {
  await target.editor.focus()
  await target.page.evaluate(
    ({ selector, where }) => {
      const paragraph = document.querySelector(selector)
      if (!paragraph) throw new Error(`no element matches ${selector}`)
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('.collaboration-carets__caret')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      })
      const texts: Text[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text)
      const text = where === 'start' ? texts[0] : texts.at(-1)
      if (!text) throw new Error(`${selector} has no text`)
      document.getSelection()?.collapse(text, where === 'start' ? 0 : text.length)
    },
    { selector, where },
  )
  // ProseMirror reads the DOM selection on `selectionchange`; let that event be handled before typing.
  await target.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
}

/**
 * The document as its blocks' text, one block per line, without other users' caret labels (which are
 * rendered inside the editable element).
 */
export function documentText(target: EditorPage): Promise<string> {
  return target.page.evaluate(() => {
    const root = document.querySelector('.charter-text')
    if (!root) throw new Error('editor not rendered')
    const copy = root.cloneNode(true) as Element
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return [...copy.querySelectorAll('h1, h2, h3, p')].map((block) => block.textContent ?? '').join('\n')
  })
}

/** The text of one block, without caret labels. */
export function blockText(target: EditorPage, selector: string): Promise<string> {
  return target.page.evaluate((selector) => {
    const block = document.querySelector(selector)
    if (!block) throw new Error(`no element matches ${selector}`)
    const copy = block.cloneNode(true) as Element
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.textContent ?? ''
  }, selector)
}

export function countOccurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1
}

export async function waitForSyncState(
  target: EditorPage,
  state: SyncState,
  timeoutMs = 10_000,
): Promise<void> {
  await eventually(
    async () => {
      expect(await target.indicator.getAttribute('data-state')).toBe(state)
    },
    { timeoutMs, intervalMs: 50 },
  )
}

/** Plain text of a Y.XmlFragment (as a stock client sees the document), blocks separated by newlines. */
export function fragmentText(node: Y.XmlFragment | Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .map((part) => (typeof part.insert === 'string' ? part.insert : ''))
      .join('')
  }
  const children = node.toArray() as (Y.XmlElement | Y.XmlText)[]
  const inline = children.every((child) => child instanceof Y.XmlText)
  return children.map(fragmentText).join(inline ? '' : '\n')
}

/** The charter as stored on the server, read by a fresh stock y-websocket client with an observer's token. */
export async function storedCharterText(server: TestServer): Promise<string> {
  const client = await connectClient(server.wsUrl, charterDocumentName, {
    params: { token: (await server.createAccount({ role: 'observer' })).token },
  })
  try {
    return fragmentText(client.ydoc.getXmlFragment(documentField))
  } finally {
    client.destroy()
  }
}
