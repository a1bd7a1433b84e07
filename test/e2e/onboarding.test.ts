import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/roles/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { launchBrowser } from '../helpers/launchBrowser.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'
import {
  articleParagraph,
  type Delegation,
  documentText,
  type EditorPage,
  placeCaret,
  storedCharterText,
  waitForSyncState,
} from './editorPage.ts'

const connectivity = articleParagraph('connectivity')
const password = 'correct horse battery'

const chairName = 'Leyla Mammadova'
const reviewerName = 'John Carter'

/** A participant's page, plus what it logged as warnings and how its WebSockets were closed. */
interface Participant extends EditorPage {
  warnings: string[]
}

interface SocketClose {
  code: number
  reason: string
}

/** Set by an init script in every page: the close events of every WebSocket the page opened. */
interface SocketCloseLog {
  socketCloses: SocketClose[]
}

describe('onboarding in the browser: setup link → co-chair → invitation → reviewer', () => {
  let browser: Browser
  let server: TestServer
  const participants: Participant[] = []

  /** A fresh browser context (own cookies and IndexedDB) whose page errors are collected. */
  async function newParticipant(name: string, delegation: Delegation): Promise<Participant> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addInitScript(() => {
      const closes: SocketClose[] = []
      Object.assign(window, { socketCloses: closes })
      const NativeWebSocket = window.WebSocket
      window.WebSocket = class extends NativeWebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols)
          this.addEventListener('close', (event) => closes.push({ code: event.code, reason: event.reason }))
        }
      }
    })
    const page = await context.newPage()
    const participant: Participant = {
      context,
      page,
      name,
      delegation,
      errors: [],
      warnings: [],
      editor: page.locator('.charter-text'),
      indicator: page.locator('output.sync-indicator'),
    }
    page.on('pageerror', (error) => participant.errors.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') participant.errors.push(`console.error: ${message.text()}`)
      if (message.type() === 'warning') participant.warnings.push(message.text())
    })
    participants.push(participant)
    return participant
  }

  async function waitForEditor(participant: EditorPage): Promise<void> {
    await participant.page.locator('.charter-text h1').waitFor()
    expect(new URL(participant.page.url()).pathname).toBe(`/d/${charterDocumentName}`)
    await waitForSyncState(participant, 'saved')
  }

  /** Step 1: the setup link the server prints on first start creates the first co-chair. */
  async function setUpFirstCoChair(): Promise<Participant> {
    const token = await server.app.stores.setupSecret.createSetupToken()
    const chair = await newParticipant(chairName, 'AZ')
    const { page } = chair
    await page.goto(`${server.httpUrl}/setup#token=${token}`)
    await page.locator('input[name=name]').fill(chairName)
    await page.locator('input[name=login]').fill('leyla')
    await page.locator('input[name=password]').fill(password)
    await page.locator('input[name=delegation][value=AZ]').check()
    await page.locator('button[type=submit]').click()
    await waitForEditor(chair)
    return chair
  }

  /** Step 2: the co-chair creates an invitation link on the admin page; returns the link. */
  async function invite(
    chair: EditorPage,
    invitee: { name: string; delegation: Delegation; role: Role },
  ): Promise<string> {
    const { page } = chair
    await openAdminPage(page)
    const form = page.locator('form.invite-form')
    await form.locator('select[name=delegation]').selectOption(invitee.delegation)
    await form.locator('select[name=role]').selectOption(invitee.role)
    await form.locator('input[name=name]').fill(invitee.name)
    await form.getByRole('button', { name: 'Create invitation link' }).click()
    const link = page.locator('input[aria-label^="Invitation link"]')
    await link.waitFor()
    const url = await link.inputValue()
    expect(url).toMatch(new RegExp(`^${escapeRegExp(server.httpUrl)}/invite#token=[^&\\s]+$`))
    return url
  }

  async function openAdminPage(page: Page): Promise<void> {
    await page.locator('button.user-chip').click()
    await page.getByRole('button', { name: 'People and invitations' }).click()
    await page.getByRole('heading', { name: 'People and invitations' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/admin')
  }

  async function backToDraft(participant: EditorPage): Promise<void> {
    await participant.page.getByRole('button', { name: '← Back to the draft' }).click()
    await waitForEditor(participant)
  }

  /** Step 3: the invitee opens the link in their own browser, picks a login and password, lands in the editor. */
  async function acceptInvitation(
    url: string,
    invitee: { name: string; delegation: Delegation; role: Role; login: string },
  ): Promise<Participant> {
    const participant = await newParticipant(invitee.name, invitee.delegation)
    const { page } = participant
    await page.goto(url)
    const delegationLabel = invitee.delegation === 'US' ? 'United States' : 'Azerbaijan'
    await eventually(async () => {
      expect(await page.locator('.entry-lead').textContent()).toBe(
        `You are invited as ${invitee.role} of the ${delegationLabel} delegation.`,
      )
    })
    // The name given in the invitation is filled in; the delegation is fixed, so there is no picker.
    expect(await page.locator('input[name=name]').inputValue()).toBe(invitee.name)
    expect(await page.locator('input[name=delegation]').count()).toBe(0)
    await page.locator('input[name=login]').fill(invitee.login)
    await page.locator('input[name=password]').fill(password)
    await page.locator('button[type=submit]').click()
    await waitForEditor(participant)
    return participant
  }

  /** What the server has, read by a stock y-websocket client that has no cache of its own. */

  async function expectReadOnly(participant: EditorPage): Promise<void> {
    const { page } = participant
    expect(await page.locator('.read-only-banner').textContent()).toContain('You can comment but not edit')
    expect(await page.locator('[role=toolbar]').count()).toBe(0)
    expect(await participant.editor.getAttribute('contenteditable')).toBe('false')
    expect(await page.locator('button.user-chip .user-meta').textContent()).toBe(
      `${participant.delegation} · reviewer`,
    )
  }

  function socketCloses(participant: EditorPage): Promise<SocketClose[]> {
    return participant.page.evaluate(() => (window as unknown as SocketCloseLog).socketCloses)
  }

  async function presenceTitles(participant: EditorPage): Promise<string[]> {
    return participant.page
      .locator('.presence-user')
      .evaluateAll((items) => items.map((item) => item.getAttribute('title') ?? ''))
  }

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    server = await startTestServer()
  })

  afterEach(async () => {
    const closing = participants.splice(0)
    const errors = closing.flatMap((participant) =>
      participant.errors.map((error) => `${participant.name}: ${error}`),
    )
    await Promise.all(closing.map((participant) => participant.context.close()))
    await server.stop({ removeData: true })
    expect(errors, 'uncaught exceptions or console errors in the pages').toEqual([])
  })

  it('lets an invited reviewer in, read-only: typing changes nothing in any browser or on the server', async () => {
    // 1. Setup link → first co-chair, in the editor.
    const chair = await setUpFirstCoChair()
    expect(await chair.page.locator('button.user-chip .user-meta').textContent()).toBe('AZ · co-chair')
    expect(await chair.page.locator('[role=toolbar]').count()).toBe(1)
    expect(await chair.editor.getAttribute('contenteditable')).toBe('true')

    // 2. The co-chair invites a US reviewer and goes back to the draft.
    const invitation = { name: reviewerName, delegation: 'US' as const, role: 'reviewer' as const }
    const url = await invite(chair, invitation)
    await backToDraft(chair)

    // 3. The reviewer accepts in a separate browser.
    const reviewer = await acceptInvitation(url, { ...invitation, login: 'john.carter' })

    // 4. Read-only in the UI, and typing does not change anything anywhere.
    await expectReadOnly(reviewer)
    const before = await documentText(reviewer)
    expect(before).toBe(await documentText(chair))
    await reviewer.page.locator('.charter-article p').first().click()
    await reviewer.page.keyboard.type('REVIEWER EDIT')
    await reviewer.page.keyboard.press('Backspace')
    await reviewer.page.keyboard.press('Enter')
    expect(await documentText(reviewer)).toBe(before)

    // The co-chair's edit reaching the reviewer proves the reviewer's connection is live: anything it had
    // sent before would have arrived by now.
    await placeCaret(chair, connectivity, 'end')
    await chair.page.keyboard.type(' Chair proposal.')
    await waitForSyncState(chair, 'saved')
    await eventually(async () => {
      expect(await documentText(reviewer)).toContain(' Chair proposal.')
    })
    const reviewerText = await documentText(reviewer)
    const chairText = await documentText(chair)
    const storedText = await storedCharterText(server)
    for (const text of [reviewerText, chairText, storedText]) {
      expect(text).not.toContain('REVIEWER EDIT')
      expect(text).toContain(' Chair proposal.')
    }
    expect(reviewerText).toBe(chairText)
    expect(storedText).toBe(chairText)
    await expectReadOnly(reviewer)
    // The page did not even try: the server never had to refuse an update, nor to close the connection.
    expect(reviewer.warnings.filter((warning) => warning.includes('Permission denied'))).toEqual([])
    expect(await socketCloses(reviewer)).toEqual([])

    // 5. Each sees the other in the presence list, with name and delegation.
    await eventually(async () => {
      expect(await presenceTitles(chair)).toEqual([
        `${chairName} (you), Azerbaijan`,
        `${reviewerName}, United States`,
      ])
      expect(await presenceTitles(reviewer)).toEqual([
        `${reviewerName} (you), United States`,
        `${chairName}, Azerbaijan`,
      ])
    })

    // 6. The audit log tells the story.
    const events = await server.app.stores.audit.list({ limit: 100 })
    const actions = events.map((event) => event.action)
    for (const action of [
      'setup.first-admin',
      'invitation.created',
      'invitation.accepted',
      'document.open',
    ]) {
      expect(actions, `audit log has ${action}`).toContain(action)
    }
    const chairAccount = await server.app.stores.accounts.findAccountByLogin('leyla')
    const reviewerAccount = await server.app.stores.accounts.findAccountByLogin('john.carter')
    expect(chairAccount).toMatchObject({ role: 'co-chair', isAdmin: true, delegation: 'AZ' })
    expect(reviewerAccount).toMatchObject({ role: 'reviewer', isAdmin: false, delegation: 'US' })
    expect(events.find((event) => event.action === 'setup.first-admin')?.actorId).toBe(chairAccount?.id)
    expect(events.find((event) => event.action === 'invitation.created')).toMatchObject({
      actorId: chairAccount?.id,
      target: reviewerName,
      detail: { delegation: 'US', role: 'reviewer' },
    })
    expect(events.find((event) => event.action === 'invitation.accepted')).toMatchObject({
      actorId: reviewerAccount?.id,
      detail: { delegation: 'US', role: 'reviewer' },
    })
    const opens = events.filter((event) => event.action === 'document.open' && event.target === 'charter')
    expect(opens.find((event) => event.actorId === reviewerAccount?.id)?.detail).toEqual({ role: 'reviewer' })
    expect(opens.find((event) => event.actorId === chairAccount?.id)?.detail).toEqual({ role: 'co-chair' })
  })

  it('makes the reviewer’s open page editable, without a reload, when a co-chair promotes them to drafter', async () => {
    const chair = await setUpFirstCoChair()
    const invitation = { name: reviewerName, delegation: 'US' as const, role: 'reviewer' as const }
    const url = await invite(chair, invitation)
    const reviewer = await acceptInvitation(url, { ...invitation, login: 'john.carter' })
    await expectReadOnly(reviewer)
    // Marks the page so a reload (which would drop this global) is detected.
    await reviewer.page.evaluate(() => {
      Object.assign(window, { __noReload: true })
    })

    // The chair is still on the admin page; the new account shows up there after a reload of the list.
    await chair.page.reload()
    await chair.page.getByRole('heading', { name: 'People and invitations' }).waitFor()
    const roleSelect = chair.page.locator(`select[aria-label="Role of ${reviewerName}"]`)
    expect(await roleSelect.inputValue()).toBe('reviewer')
    await roleSelect.selectOption('drafter')
    await eventually(async () => {
      expect(await chair.page.locator('.admin-message').textContent()).toBe(`${reviewerName} is now drafter`)
    })
    expect((await server.app.stores.accounts.findAccountByLogin('john.carter'))?.role).toBe('drafter')

    // The server re-checks open connections every ~2 s, closes this one with 1008 "permissions changed",
    // and the client re-reads its role.
    await eventually(
      async () => {
        expect(await reviewer.page.locator('[role=toolbar]').count()).toBe(1)
        expect(await reviewer.page.locator('.read-only-banner').count()).toBe(0)
        expect(await reviewer.editor.getAttribute('contenteditable')).toBe('true')
        expect(await reviewer.page.locator('button.user-chip .user-meta').textContent()).toBe('US · drafter')
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    )
    expect(await reviewer.page.evaluate(() => '__noReload' in window)).toBe(true)
    expect(await socketCloses(reviewer)).toContainEqual({ code: 1008, reason: 'permissions changed' })
    await waitForSyncState(reviewer, 'saved')

    // The promotion is real: the former reviewer's words are stored and reach the server.
    await placeCaret(reviewer, connectivity, 'end')
    await reviewer.page.keyboard.type(' Drafter proposal.')
    await waitForSyncState(reviewer, 'saved')
    expect(await storedCharterText(server)).toContain(' Drafter proposal.')
    expect(
      (await server.app.stores.audit.list({ limit: 100 })).find(
        (event) => event.action === 'account.updated',
      ),
    ).toMatchObject({ target: 'john.carter', detail: { changes: { role: 'drafter' } } })
    const reviewerId = (await server.app.stores.accounts.findAccountByLogin('john.carter'))?.id
    const opens = (await server.app.stores.audit.list({ limit: 100 })).filter(
      (event) => event.action === 'document.open' && event.actorId === reviewerId,
    )
    expect(opens.map((event) => event.detail.role)).toContain('drafter')
  })

  it('refuses a reviewer’s edit on the server even when the page is tampered with to be editable', async () => {
    const chair = await setUpFirstCoChair()
    const invitation = { name: reviewerName, delegation: 'US' as const, role: 'reviewer' as const }
    const url = await invite(chair, invitation)
    await backToDraft(chair)
    const reviewer = await acceptInvitation(url, { ...invitation, login: 'john.carter' })
    await expectReadOnly(reviewer)

    // Bypass the UI: Tiptap exposes its editor on the editable element.
    await reviewer.page.evaluate(() => {
      const element = document.querySelector('.charter-text') as
        | (HTMLElement & { editor?: { setEditable(editable: boolean): void } })
        | null
      if (!element?.editor) throw new Error('no Tiptap editor on .charter-text')
      element.editor.setEditable(true)
    })
    await placeCaret(reviewer, connectivity, 'end')
    await reviewer.page.keyboard.type(' TAMPERED EDIT')
    expect(await documentText(reviewer)).toContain(' TAMPERED EDIT')

    await eventually(() => {
      expect(reviewer.warnings.join('\n')).toContain('read-only: your role cannot edit the text')
    })
    await placeCaret(chair, connectivity, 'start')
    await chair.page.keyboard.type('Chair: ')
    await waitForSyncState(chair, 'saved')
    await eventually(async () => {
      expect(await documentText(reviewer)).toContain('Chair: ')
    })
    expect(await documentText(chair)).not.toContain('TAMPERED EDIT')
    const stored = await storedCharterText(server)
    expect(stored).toContain('Chair: ')
    expect(stored).not.toContain('TAMPERED EDIT')
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
