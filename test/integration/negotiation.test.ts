import { getSchema, type JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBrackets } from '../../server/negotiation/readBrackets.ts'
import type { ThreadView } from '../../shared/comments/index.ts'
import { type BracketRecord, bracketsDocumentName, bracketsMapName } from '../../shared/negotiation/index.ts'
import { CloseCode, charterDocumentName, SyncMessageType } from '../../shared/protocol/index.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { charterExtensions, createCharterTemplate } from '../../shared/schema/index.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import {
  articleParagraph,
  bracketAlternative,
  bracketInParagraph,
  changeOf,
  elementsNamed,
  elementWithId,
  inlineBracket,
} from '../helpers/negotiationText.ts'
import { syncMessage } from '../helpers/protocolMessages.ts'
import { openRawSocket } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

type Person = 'azDrafter' | 'usDrafter' | 'azCoChair' | 'usCoChair'
const people: Record<Person, { role: Role; delegation: Delegation }> = {
  azDrafter: { role: 'drafter', delegation: 'AZ' },
  usDrafter: { role: 'drafter', delegation: 'US' },
  azCoChair: { role: 'co-chair', delegation: 'AZ' },
  usCoChair: { role: 'co-chair', delegation: 'US' },
}

/** The text of the first article's paragraph, brackets written out as `[a / b]`. */
function paragraphText(ydoc: Y.Doc): string {
  const paragraph = articleParagraph(ydoc)
  return paragraph
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText)
        return (child.toDelta() as { insert: string }[]).map((part) => part.insert).join('')
      const element = child as Y.XmlElement
      if (element.nodeName !== 'bracket') return ''
      return `[${element
        .toArray()
        .map((alternative) => {
          const text = (alternative as Y.XmlElement).get(0) as Y.XmlText
          return `${text.toString()}^${(alternative as Y.XmlElement).getAttribute('proposedBy')}`
        })
        .join(' / ')}]`
    })
    .join('')
}

describe('negotiated text: brackets, the register and cleaning', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const accounts = {} as Record<Person, { token: string; id: number }>

  async function connect(person: Person, documentName = charterDocumentName): Promise<TestClient> {
    const client = await connectClient(server.wsUrl, documentName, {
      params: { token: accounts[person].token },
    })
    clients.push(client)
    return client
  }

  async function call(person: Person, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${accounts[person].token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, body: (await response.json()) as BracketRecord & { message?: string } }
  }

  async function startServer(dataDir?: string) {
    server = await startTestServer(dataDir ? { dataDir } : {})
  }

  /** Restarts the server on the same data directory (accounts and tokens survive). */
  async function restart() {
    for (const client of clients.splice(0)) client.destroy()
    const { dataDir } = server
    await server.stop()
    await startServer(dataDir)
  }

  /** The register agrees with the document: its open brackets and their present alternatives are the text's. */
  async function expectRegisterAgrees(ydoc: Y.Doc) {
    await server.app.brackets.idle(charterDocumentName)
    const inText = readBrackets(ydoc).map((bracket) => ({
      id: bracket.id,
      alternatives: bracket.alternatives.map(({ id, proposedBy, text }) => ({ id, proposedBy, text })),
    }))
    const open = (await server.app.stores.brackets.list(charterDocumentName))
      .filter((record) => record.state === 'open')
      .map((record) => ({
        id: record.id,
        alternatives: record.alternatives
          .filter((alternative) => alternative.removedAt === null)
          .map(({ id, proposedBy, text }) => ({ id, proposedBy, text })),
      }))
    expect(open.sort((a, b) => a.id!.localeCompare(b.id!))).toEqual(
      inText.sort((a, b) => a.id!.localeCompare(b.id!)),
    )
  }

  /** AZ brackets "shall" in the first article; US adds "should". Returns both clients once both see both. */
  async function disputedText() {
    const az = await connect('azDrafter')
    const us = await connect('usDrafter')
    const paragraph = articleParagraph(az.ydoc)
    az.ydoc.transact(() => {
      ;(paragraph.get(0) as Y.XmlText).insert(0, 'The Parties shall cooperate. ')
    })
    az.ydoc.transact(() =>
      bracketInParagraph(
        paragraph,
        inlineBracket('b1', [{ id: 'a1', proposedBy: 'AZ', text: 'shall' }]),
        12,
        5,
      ),
    )
    await eventually(() => expect(elementsNamed(us.ydoc, 'bracket')).toHaveLength(1))
    us.ydoc.transact(() =>
      elementWithId(us.ydoc, 'bracket', 'b1').insert(1, [
        bracketAlternative({ id: 'a2', proposedBy: 'US', text: 'should' }),
      ]),
    )
    await eventually(() => expect(paragraphText(az.ydoc)).toContain('[shall^AZ / should^US]'))
    return { az, us }
  }

  beforeEach(async () => {
    await startServer()
    for (const [person, { role, delegation }] of Object.entries(people) as [
      Person,
      (typeof people)[Person],
    ][]) {
      const { account, token } = await server.createAccount({ role, delegation, name: person })
      accounts[person] = { token, id: account.id }
    }
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.stop({ removeData: true })
  })

  it('shows both delegations’ alternatives with their owners, live in the register with their authors', async () => {
    const { az, us } = await disputedText()
    expect(paragraphText(us.ydoc)).toContain('[shall^AZ / should^US]')
    const channel = await connect('usDrafter', bracketsDocumentName(charterDocumentName))
    const record = await eventually(() => {
      const live = channel.ydoc.getMap<BracketRecord>(bracketsMapName).get('b1')
      expect(live?.alternatives).toHaveLength(2)
      return live!
    })
    expect(record).toMatchObject({
      state: 'open',
      kind: 'inline',
      area: 'connectivity',
      openedBy: { accountId: accounts.azDrafter.id, delegation: 'AZ' },
      clauseId: elementsNamed(az.ydoc, 'article')[0]!.getAttribute('clauseId'),
    })
    expect(
      record.alternatives.map(({ id, proposedBy, authorId, text }) => ({ id, proposedBy, authorId, text })),
    ).toEqual([
      { id: 'a1', proposedBy: 'AZ', authorId: accounts.azDrafter.id, text: 'shall' },
      { id: 'a2', proposedBy: 'US', authorId: accounts.usDrafter.id, text: 'should' },
    ])
    // The channel is the server's: a client's write to it goes nowhere.
    channel.ydoc.getMap(bracketsMapName).set('b1', { forged: true })
    const witness = await connect('azDrafter', bracketsDocumentName(charterDocumentName))
    expect(witness.ydoc.getMap<BracketRecord>(bracketsMapName).get('b1')?.alternatives).toHaveLength(2)
    await expectRegisterAgrees(az.ydoc)
  })

  it('refuses a raw update that forges proposedBy with 4403 naming the bracket, and stores it nowhere', async () => {
    const { az } = await disputedText()
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(az.ydoc))
    const forged = changeOf(forger, () =>
      elementWithId(forger, 'bracket', 'b1').insert(2, [
        bracketAlternative({ id: 'a3', proposedBy: 'AZ', text: 'must' }),
      ]),
    )
    const raw = await openRawSocket(
      `${server.wsUrl}/${charterDocumentName}?token=${accounts.usDrafter.token}`,
    )
    raw.send(syncMessage(SyncMessageType.update, forged))
    const closed = await raw.closed
    expect(closed).toEqual({
      code: CloseCode.forbidden,
      reason: 'bracket b1: new alternative claims AZ; you write for US',
    })
    // The honest clients stay connected and never see it; after a restart the store has nothing of it either.
    expect(az.provider.wsconnected).toBe(true)
    await restart()
    const reloaded = await connect('azCoChair')
    expect(paragraphText(reloaded.ydoc)).toContain('[shall^AZ / should^US]')
    expect(paragraphText(reloaded.ydoc)).not.toContain('must')
    const record = await server.app.stores.brackets.find(charterDocumentName, 'b1')
    expect(record?.alternatives.map((alternative) => alternative.id)).toEqual(['a1', 'a2'])
  })

  it('refuses a change to the other side’s alternative and the removal of a bracket holding it', async () => {
    const { az } = await disputedText()
    const base = Y.encodeStateAsUpdate(az.ydoc)
    const attempts: [string, (ydoc: Y.Doc) => void, string][] = [
      [
        'edit',
        (ydoc) => (elementWithId(ydoc, 'bracketAlternative', 'a2').get(0) as Y.XmlText).insert(0, 'not '),
        'bracket b1: only US may change its alternative',
      ],
      [
        'remove',
        (ydoc) => articleParagraph(ydoc).delete(1, 1),
        'bracket b1 holds a proposal of US: only cleaning removes it',
      ],
    ]
    for (const [, edit, reason] of attempts) {
      const attacker = new Y.Doc()
      Y.applyUpdate(attacker, base)
      const update = changeOf(attacker, () => edit(attacker))
      const raw = await openRawSocket(
        `${server.wsUrl}/${charterDocumentName}?token=${accounts.azDrafter.token}`,
      )
      raw.send(syncMessage(SyncMessageType.update, update))
      expect(await raw.closed).toEqual({ code: CloseCode.forbidden, reason })
    }
    // Its own side may withdraw its alternative.
    const us = await connect('usDrafter')
    us.ydoc.transact(() => elementWithId(us.ydoc, 'bracket', 'b1').delete(1, 1))
    await eventually(() => expect(paragraphText(az.ydoc)).toContain('[shall^AZ]'))
    expect(us.provider.wsconnected).toBe(true)
    await eventually(async () => {
      const record = await server.app.stores.brackets.find(charterDocumentName, 'b1')
      expect(record?.alternatives[1]?.removedAt).not.toBeNull()
    })
    await expectRegisterAgrees(az.ydoc)
  })

  it('cleans only with both delegations’ co-chairs; the chosen text is plain everywhere, in the register and audit log', async () => {
    const { az, us } = await disputedText()
    await server.app.brackets.idle(charterDocumentName)
    expect((await call('azDrafter', 'POST', '/brackets/b1/cleaning', { choice: 'a2' })).status).toBe(403)
    const requested = await call('azCoChair', 'POST', '/brackets/b1/cleaning', { choice: 'a2' })
    expect(requested.status).toBe(200)
    expect(requested.body.cleaning).toMatchObject({ status: 'requested', choice: 'a2', choiceText: 'should' })
    expect((await call('azCoChair', 'POST', '/brackets/b1/cleaning', { choice: null })).status).toBe(409)
    // One delegation alone cannot clean: its own co-chair cannot confirm.
    const alone = await call('azCoChair', 'POST', '/brackets/b1/cleaning/confirm')
    expect(alone.status).toBe(403)
    expect(paragraphText(az.ydoc)).toContain('[shall^AZ / should^US]')
    const confirmed = await call('usCoChair', 'POST', '/brackets/b1/cleaning/confirm')
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({
      state: 'cleaned',
      cleaning: {
        status: 'confirmed',
        requestedBy: { accountId: accounts.azCoChair.id, delegation: 'AZ' },
        answeredBy: { accountId: accounts.usCoChair.id, delegation: 'US' },
        choice: 'a2',
      },
    })
    for (const client of [az, us]) {
      await eventually(() =>
        expect(paragraphText(client.ydoc)).toMatch(/^The Parties should cooperate\. \[Placeholder/),
      )
      expect(elementsNamed(client.ydoc, 'bracket')).toHaveLength(0)
    }
    const events = await server.app.stores.audit.list({ limit: 20 })
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['bracket.cleaning-requested', 'bracket.cleaned']),
    )
    expect(events.find((event) => event.action === 'bracket.cleaned')?.detail).toMatchObject({
      bracketId: 'b1',
      choice: 'a2',
      requestedByDelegation: 'AZ',
      confirmedByDelegation: 'US',
    })
    expect((await call('usCoChair', 'POST', '/brackets/b1/cleaning', { choice: null })).status).toBe(409)
    await restart()
    const reloaded = await connect('usDrafter')
    expect(paragraphText(reloaded.ydoc)).toMatch(/^The Parties should cooperate\. \[Placeholder/)
    expect((await server.app.stores.brackets.find(charterDocumentName, 'b1'))?.state).toBe('cleaned')
  })

  it('lets the requester cancel and the other side decline', async () => {
    await disputedText()
    await server.app.brackets.idle(charterDocumentName)
    await call('usCoChair', 'POST', '/brackets/b1/cleaning', { choice: null })
    expect((await call('azCoChair', 'POST', '/brackets/b1/cleaning/cancel')).status).toBe(403)
    const declined = await call('azCoChair', 'POST', '/brackets/b1/cleaning/decline')
    expect(declined.body.cleaning?.status).toBe('declined')
    await call('usCoChair', 'POST', '/brackets/b1/cleaning', { choice: 'a1' })
    const cancelled = await call('usCoChair', 'POST', '/brackets/b1/cleaning/cancel')
    expect(cancelled.body).toMatchObject({ state: 'open', cleaning: { status: 'cancelled' } })
  })

  it('keeps the register in agreement with the text after concurrent edits, a restart and a restore', async () => {
    const { az, us } = await disputedText()
    // Both delegations bracket text in other articles at once, and each adds to the other's new bracket.
    az.ydoc.transact(() =>
      bracketInParagraph(
        articleParagraph(az.ydoc, 1),
        inlineBracket('b2', [{ id: 'a4', proposedBy: 'AZ', text: 'x' }]),
        2,
      ),
    )
    us.ydoc.transact(() =>
      bracketInParagraph(
        articleParagraph(us.ydoc, 2),
        inlineBracket('b3', [{ id: 'a5', proposedBy: 'US', text: 'y' }]),
        2,
      ),
    )
    await eventually(() => expect(elementsNamed(az.ydoc, 'bracket')).toHaveLength(3))
    await eventually(() => expect(elementsNamed(us.ydoc, 'bracket')).toHaveLength(3))
    us.ydoc.transact(() =>
      elementWithId(us.ydoc, 'bracket', 'b2').insert(1, [
        bracketAlternative({ id: 'a6', proposedBy: 'US', text: 'z' }),
      ]),
    )
    az.ydoc.transact(() => elementWithId(az.ydoc, 'bracket', 'b1').delete(0, 1))
    await eventually(() => expect(elementsNamed(az.ydoc, 'bracketAlternative')).toHaveLength(4))
    await expectRegisterAgrees(az.ydoc)

    const snapshot = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}/snapshots`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accounts.usCoChair.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Round 2' }),
    })
    const { id: snapshotId } = (await snapshot.json()) as { id: number }
    await server.app.brackets.idle(charterDocumentName)
    await call('azCoChair', 'POST', '/brackets/b2/cleaning', { choice: 'a6' })
    expect((await call('usCoChair', 'POST', '/brackets/b2/cleaning/confirm')).status).toBe(200)
    us.ydoc.transact(() => {
      const paragraph = articleParagraph(us.ydoc, 2)
      paragraph.delete(1, 1)
    })
    await eventually(() => expect(elementsNamed(az.ydoc, 'bracket')).toHaveLength(1))
    await expectRegisterAgrees(az.ydoc)
    const states = async () =>
      Object.fromEntries(
        (await server.app.stores.brackets.list(charterDocumentName)).map((record) => [
          record.id,
          record.state,
        ]),
      )
    expect(await states()).toEqual({ b1: 'open', b2: 'cleaned', b3: 'withdrawn' })

    await restart()
    const after = await connect('azDrafter')
    await expectRegisterAgrees(after.ydoc)

    const restored = await fetch(
      `${server.httpUrl}/api/documents/${charterDocumentName}/snapshots/${snapshotId}/restore`,
      { method: 'POST', headers: { Authorization: `Bearer ${accounts.usCoChair.token}` } },
    )
    expect(restored.status).toBe(200)
    await eventually(() => expect(elementsNamed(after.ydoc, 'bracket')).toHaveLength(3))
    await expectRegisterAgrees(after.ydoc)
    expect(await states()).toEqual({ b1: 'open', b2: 'open', b3: 'open' })
  })

  it('gives the articles of an older document clause ids when it loads, and a new id to a duplicate', async () => {
    await server.ensureDocument('legacy-draft')
    let article = 0
    const strip = (node: JSONContent): JSONContent => {
      if (node.type === 'article') node.attrs = { clauseId: article++ < 2 ? 'same-id' : null }
      for (const child of node.content ?? []) strip(child)
      return node
    }
    const legacy = prosemirrorJSONToYDoc(
      getSchema(charterExtensions),
      strip(createCharterTemplate()),
      'default',
    )
    await server.app.store.append('legacy-draft', [Y.encodeStateAsUpdate(legacy)])
    const client = await connect('azDrafter', 'legacy-draft')
    const ids = elementsNamed(client.ydoc, 'article').map((element) => element.getAttribute('clauseId'))
    expect(ids).toHaveLength(article)
    expect(ids[0]).toBe('same-id')
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$|^same-id$/)
  })

  it('links comment threads anchored inside a bracket, and threads linked explicitly', async () => {
    const { az } = await disputedText()
    await server.app.brackets.idle(charterDocumentName)
    const text = elementWithId(az.ydoc, 'bracketAlternative', 'a2').get(0) as Y.XmlText
    const position = (index: number) =>
      Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString(
        'base64',
      )
    const thread = async (body: unknown) => {
      const response = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}/threads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${accounts.azDrafter.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      return (await response.json()) as ThreadView
    }
    const inline = await thread({
      kind: 'inline',
      anchor: { start: position(1), end: position(4) },
      quote: 'hou',
      text: 'Why “should”?',
    })
    const general = await thread({ kind: 'area', area: 'connectivity', text: 'On the whole bracket' })
    await eventually(async () =>
      expect((await server.app.stores.brackets.find(charterDocumentName, 'b1'))?.threadIds).toEqual([
        inline.id,
      ]),
    )
    const linked = await call('usDrafter', 'POST', '/brackets/b1/threads', { threadId: general.id })
    expect(linked.status).toBe(200)
    expect(linked.body.threadIds).toEqual([inline.id, general.id])
    expect((await call('usDrafter', 'POST', '/brackets/b1/threads', { threadId: 999_999 })).status).toBe(404)
  })
})
