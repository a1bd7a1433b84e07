import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Account } from '../../server/auth/Account.ts'
import type { ClauseOverview } from '../../shared/negotiation/clauseStatus.ts'
import { CloseCode, charterDocumentName, SyncMessageType } from '../../shared/protocol/index.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import type { SuggestionDecision, SuggestionRequest } from '../../shared/suggestions/index.ts'
import { parseMarkup } from '../fixtures/export/parseMarkup.ts'
import { articleText, plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { syncMessage } from '../helpers/protocolMessages.ts'
import { openRawSocket, type RawSocket } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

type Who = `${Role} ${Delegation}`

/** The attributes the editor stamps on a suggestion mark, for `account`. */
function markOf(account: Account, id: string = crypto.randomUUID()) {
  return {
    id,
    by: String(account.id),
    name: account.name,
    delegation: account.delegation,
    at: new Date().toISOString(),
  }
}

/** The text with its suggestions spelled out: `{+inserted+}` and `{-deleted-}`. */
function markup(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
    .map((part) => {
      const value = typeof part.insert === 'string' ? part.insert : ''
      const inserted = part.attributes?.insertion ? `{+${value}+}` : value
      return part.attributes?.deletion ? `{-${inserted}-}` : inserted
    })
    .join('')
}

describe('suggestions (track changes)', () => {
  let server: TestServer
  const tokens = {} as Record<Who, string>
  const accounts = {} as Record<Who, Account>
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []

  async function api<T>(who: Who, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as T }
  }

  async function connect(who: Who): Promise<TestClient> {
    const client = await connectClient(server.wsUrl, charterDocumentName, { params: { token: tokens[who] } })
    clients.push(client)
    return client
  }

  async function storedMarkup(area: string): Promise<string> {
    const ydoc = new Y.Doc()
    for (const update of (await server.app.store.load(charterDocumentName)).updates)
      Y.applyUpdate(ydoc, update)
    return markup(articleText(ydoc, area))
  }

  /** Sends `change` (made on a copy of the live text) as a raw update from `who`; resolves with the close. */
  async function sendRaw(who: Who, reader: TestClient, change: (ydoc: Y.Doc) => void, clientId?: number) {
    const socket = await openRawSocket(`${server.wsUrl}/${charterDocumentName}?token=${tokens[who]}`)
    sockets.push(socket)
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(reader.ydoc))
    // Set after the state is in: Yjs picks a new id when an update brings content under its own.
    if (clientId !== undefined) forger.clientID = clientId
    const vector = Y.encodeStateVector(forger)
    change(forger)
    socket.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(forger, vector)))
    return socket
  }

  beforeEach(async () => {
    server = await startTestServer()
    for (const delegation of ['AZ', 'US'] as const) {
      for (const role of ['co-chair', 'drafter', 'reviewer', 'observer'] as const) {
        const created = await server.createAccount({ role, delegation, name: `${delegation} ${role}` })
        tokens[`${role} ${delegation}`] = created.token
        accounts[`${role} ${delegation}`] = created.account
      }
    }
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const socket of sockets.splice(0)) socket.socket.terminate()
    await server.stop({ removeData: true })
  })

  it('two delegations suggest in the same paragraph at once; both survive a restart and reach a third client', async () => {
    const az = await connect('drafter AZ')
    const us = await connect('drafter US')
    const base = plainText(articleText(az.ydoc, 'connectivity'))
    // Both write before either hears of the other.
    articleText(az.ydoc, 'connectivity').insert(0, 'Firmly, ', { insertion: markOf(accounts['drafter AZ']) })
    articleText(us.ydoc, 'connectivity').format(10, 4, { deletion: markOf(accounts['drafter US']) })
    const reader = await connect('observer US')
    await eventually(() =>
      expect(markup(articleText(reader.ydoc, 'connectivity'))).toBe(
        `{+Firmly, +}${base.slice(0, 10)}{-${base.slice(10, 14)}-}${base.slice(14)}`,
      ),
    )
    const expected = markup(articleText(reader.ydoc, 'connectivity'))
    await eventually(async () => expect(markup(articleText(az.ydoc, 'connectivity'))).toBe(expected))
    await eventually(async () => expect(markup(articleText(us.ydoc, 'connectivity'))).toBe(expected))

    for (const client of clients.splice(0)) client.destroy()
    await server.stop()
    server = await startTestServer(server.sameStorage)
    expect(await storedMarkup('connectivity')).toBe(expected)
    const open = await api<{ author: { delegation: string }; kind: string }[]>(
      'observer AZ',
      'GET',
      '/suggestions',
    )
    expect(open.body.map((suggestion) => [suggestion.author.delegation, suggestion.kind])).toEqual([
      ['AZ', 'insertion'],
      ['US', 'deletion'],
    ])

    // The Word export of the markup carries them as tracked changes, with their authors.
    const word = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}/export?format=docx`, {
      headers: { Authorization: `Bearer ${tokens['observer AZ']}` },
    })
    expect(word.status).toBe(200)
    const files = unzipSync(new Uint8Array(await word.arrayBuffer()))
    const xml = parseMarkup(new TextDecoder().decode(files['word/document.xml']))
    expect(xml.findAll('w:ins').map((element) => [element.attributes.get('w:author'), element.text])).toEqual(
      [['AZ drafter (AZ)', 'Firmly, ']],
    )
    expect(xml.findAll('w:del').map((element) => [element.attributes.get('w:author'), element.text])).toEqual(
      [['US drafter (US)', base.slice(10, 14)]],
    )
  })

  it('a concurrent accept and reject of one suggestion end in one decided state everywhere, recorded once', async () => {
    const az = await connect('drafter AZ')
    const id = crypto.randomUUID()
    articleText(az.ydoc, 'investment').insert(0, 'Promptly ', {
      insertion: markOf(accounts['drafter AZ'], id),
    })
    await eventually(async () => expect(await storedMarkup('investment')).toMatch(/^\{\+Promptly \+\}/))
    const us = await connect('drafter US')

    // The author's own delegation cannot decide.
    expect(
      (await api('co-chair AZ', 'POST', '/suggestions/decisions', { decision: 'accepted', ids: [id] }))
        .status,
    ).toBe(403)
    const [accept, reject] = await Promise.all([
      api<{ decided: SuggestionDecision[] }>('co-chair US', 'POST', '/suggestions/decisions', {
        decision: 'accepted',
        ids: [id],
      }),
      api<{ decided: SuggestionDecision[] }>('drafter US', 'POST', '/suggestions/decisions', {
        decision: 'rejected',
        ids: [id],
      }),
    ])
    expect([accept.status, reject.status].sort()).toEqual([200, 409])
    const won = accept.status === 200 ? 'accepted' : 'rejected'
    const decisions = await api<SuggestionDecision[]>('observer AZ', 'GET', '/suggestions/decisions')
    expect(decisions.body).toHaveLength(1)
    expect(decisions.body[0]).toMatchObject({
      suggestionId: id,
      decision: won,
      kind: 'insertion',
      insertedText: 'Promptly ',
      author: { accountId: String(accounts['drafter AZ'].id), delegation: 'AZ' },
      decidedBy: { delegation: 'US' },
    })
    const final = won === 'accepted' ? /^Promptly [^{]/ : /^[^{P]/
    for (const client of [az, us]) {
      await eventually(() => expect(markup(articleText(client.ydoc, 'investment'))).toMatch(final))
    }
    expect(await storedMarkup('investment')).toBe(markup(articleText(az.ydoc, 'investment')))
  })

  it('refuses a raw update whose suggestion claims another author (4403) and stores nothing', async () => {
    const reader = await connect('observer AZ')
    const before = await storedMarkup('security')
    const socket = await sendRaw('drafter US', reader, (ydoc) =>
      articleText(ydoc, 'security').insert(0, 'Forged ', { insertion: markOf(accounts['drafter AZ']) }),
    )
    const { code, reason } = await socket.closed
    expect(code).toBe(CloseCode.forbidden)
    expect(reason).toMatch(/claims AZ drafter \(AZ\)/)
    expect(await storedMarkup('security')).toBe(before)

    // Removing someone else's suggestion mark is deciding on it, which only the server does.
    const az = await connect('drafter AZ')
    articleText(az.ydoc, 'security').insert(0, 'Kindly ', { insertion: markOf(accounts['drafter AZ']) })
    await eventually(async () => expect(await storedMarkup('security')).toMatch(/^\{\+Kindly \+\}/))
    const remover = await sendRaw('co-chair US', az, (ydoc) =>
      articleText(ydoc, 'security').format(0, 7, { insertion: null }),
    )
    expect((await remover.closed).code).toBe(CloseCode.forbidden)
  })

  it('where suggestions are required, direct edits are refused and well-formed suggestions land', async () => {
    expect(
      (await api('drafter AZ', 'PUT', '/suggestion-policy', { required: true, reviewersSuggest: true }))
        .status,
    ).toBe(403)
    const set = await api('co-chair AZ', 'PUT', '/suggestion-policy', {
      required: true,
      reviewersSuggest: true,
    })
    expect(set).toMatchObject({ status: 200, body: { required: true, reviewersSuggest: true } })
    const reader = await connect('observer US')
    const before = await storedMarkup('other')

    const typing = await sendRaw('drafter US', reader, (ydoc) =>
      articleText(ydoc, 'other').insert(0, 'Directly '),
    )
    const refused = await typing.closed
    expect(refused.code).toBe(CloseCode.forbidden)
    expect(refused.reason).toMatch(/takes suggestions only: new text must be a suggested insertion/)
    const deleting = await sendRaw('co-chair AZ', reader, (ydoc) => articleText(ydoc, 'other').delete(0, 3))
    expect((await deleting.closed).reason).toMatch(/can only be marked for deletion/)
    expect(await storedMarkup('other')).toBe(before)

    const reviewer = await connect('reviewer US')
    articleText(reviewer.ydoc, 'other').insert(0, 'Suggested ', {
      insertion: markOf(accounts['reviewer US']),
    })
    articleText(reviewer.ydoc, 'other').format(10, 3, { deletion: markOf(accounts['reviewer US']) })
    await eventually(async () => expect(await storedMarkup('other')).toMatch(/^\{\+Suggested \+\}\{-.{3}-\}/))
  })

  it('a suggested paragraph is accepted (it stays, unmarked) or rejected (it goes) by the other delegation', async () => {
    await api('co-chair AZ', 'PUT', '/suggestion-policy', { required: true, reviewersSuggest: false })
    const us = await connect('drafter US')
    const article = articleText(us.ydoc, 'investment').parent!.parent as Y.XmlElement
    const suggestParagraph = (text: string) => {
      const mark = markOf(accounts['drafter US'])
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.setAttribute('suggestion', { ...mark, kind: 'insertion' } as unknown as string)
      const content = new Y.XmlText()
      content.insert(0, text, { insertion: mark })
      paragraph.insert(0, [content])
      article.insert(article.length, [paragraph])
      return mark.id
    }
    const kept = suggestParagraph('A new paragraph to keep.')
    const dropped = suggestParagraph('A new paragraph to drop.')
    const paragraphs = async () => {
      const ydoc = new Y.Doc()
      for (const update of (await server.app.store.load(charterDocumentName)).updates)
        Y.applyUpdate(ydoc, update)
      const stored = (
        articleText(ydoc, 'investment').parent!.parent as Y.XmlElement
      ).toArray() as Y.XmlElement[]
      return stored.map((paragraph) => [
        paragraph.getAttribute('suggestion') ? 'suggested' : 'plain',
        markup(paragraph.get(0) as Y.XmlText),
      ])
    }
    await eventually(async () => expect(await paragraphs()).toHaveLength(3))
    expect(
      (await api('co-chair AZ', 'POST', '/suggestions/decisions', { decision: 'accepted', ids: [kept] }))
        .status,
    ).toBe(200)
    expect(
      (await api('drafter AZ', 'POST', '/suggestions/decisions', { decision: 'rejected', ids: [dropped] }))
        .status,
    ).toBe(200)
    const after = await paragraphs()
    expect(after).toHaveLength(2)
    expect(after[1]).toEqual(['plain', 'A new paragraph to keep.'])
  })

  it('observers never suggest, and reviewers only where the document lets them', async () => {
    const reader = await connect('observer AZ')
    const before = await storedMarkup('final')
    const observer = await connect('observer US')
    articleText(observer.ydoc, 'final').insert(0, 'Nope ', { insertion: markOf(accounts['observer US']) })
    const reviewer = await connect('reviewer AZ')
    articleText(reviewer.ydoc, 'final').insert(0, 'Not yet ', { insertion: markOf(accounts['reviewer AZ']) })
    const writer = await connect('drafter AZ')
    articleText(writer.ydoc, 'final').insert(0, 'Marker ')
    await eventually(async () => expect(await storedMarkup('final')).toBe(`Marker ${before}`))
    await eventually(() => expect(markup(articleText(reader.ydoc, 'final'))).toBe(`Marker ${before}`))
  })

  it('undo of my own suggestion removes it, and the server accepts the undo', async () => {
    const az = await connect('drafter AZ')
    const text = articleText(az.ydoc, 'connectivity')
    const undo = new Y.UndoManager(text)
    const before = plainText(text)
    text.insert(0, 'Perhaps ', { insertion: markOf(accounts['drafter AZ']) })
    undo.stopCapturing()
    text.format(8, 3, { deletion: markOf(accounts['drafter AZ']) })
    await eventually(async () => expect(await storedMarkup('connectivity')).toMatch(/^\{\+Perhaps \+\}\{-/))
    undo.undo()
    undo.undo()
    await eventually(async () => expect(await storedMarkup('connectivity')).toBe(before))
    expect(az.provider.wsconnected).toBe(true)
  })

  it('a redline of a snapshot against the live text names the person and delegation of each change', async () => {
    const startedAt = new Date().toISOString()
    const snapshot = await api<{ id: number }>('co-chair AZ', 'POST', '/snapshots', { name: 'Round 2' })
    expect(snapshot.body.id).toBeGreaterThan(0)
    const az = await connect('drafter AZ')
    const us = await connect('drafter US')
    articleText(az.ydoc, 'connectivity').insert(0, 'Zanzibar ')
    const security = articleText(us.ydoc, 'security')
    const removed = plainText(security).split(' ')[0] ?? ''
    security.delete(0, removed.length + 1)
    // An accepted suggestion is its author's change, whoever accepted it.
    const id = crypto.randomUUID()
    articleText(us.ydoc, 'other').insert(0, 'Quixotic ', { insertion: markOf(accounts['drafter US'], id) })
    // An open suggestion is dated by its mark.
    const verilyMark = markOf(accounts['drafter AZ'])
    articleText(az.ydoc, 'investment').insert(0, 'Verily ', { insertion: verilyMark })
    await eventually(async () => expect(await storedMarkup('investment')).toMatch(/^\{\+Verily/))
    await eventually(async () => expect(await storedMarkup('other')).toMatch(/^\{\+Quixotic/))
    await eventually(async () => expect(await storedMarkup('connectivity')).toMatch(/^Zanzibar /))
    expect(
      (await api('co-chair AZ', 'POST', '/suggestions/decisions', { decision: 'accepted', ids: [id] }))
        .status,
    ).toBe(200)

    const response = await fetch(
      `${server.httpUrl}/api/documents/${charterDocumentName}/redline?from=${snapshot.body.id}&to=current&format=html`,
      { headers: { Authorization: `Bearer ${tokens['observer US']}` } },
    )
    expect(response.status).toBe(200)
    const page = parseMarkup(await response.text())
    const changes = page
      .findAll((element) => element.name === 'ins' || element.name === 'del')
      .filter((element) => element.parent?.name !== 'div' || !element.parent.classes.includes('rl-summary'))
      .map((element) => [
        element.name,
        element.text.trim(),
        element.attributes.get('data-delegation'),
        element.attributes.get('data-author'),
      ])
    expect(changes).toContainEqual(['ins', 'Zanzibar', 'AZ', 'AZ drafter'])
    expect(changes).toContainEqual(['del', removed, 'US', 'US drafter'])
    expect(changes).toContainEqual(['ins', 'Quixotic', 'US', 'US drafter'])

    // The Word redline has the same authors, as tracked changes Word shows natively, each with its time.
    const word = await fetch(
      `${server.httpUrl}/api/documents/${charterDocumentName}/redline?from=${snapshot.body.id}&to=current&format=docx`,
      { headers: { Authorization: `Bearer ${tokens['observer US']}` } },
    )
    expect(word.status).toBe(200)
    const files = unzipSync(new Uint8Array(await word.arrayBuffer()))
    const xml = parseMarkup(new TextDecoder().decode(files['word/document.xml']))
    const tracked = xml
      .findAll((element) => element.name === 'w:ins' || element.name === 'w:del')
      .map((element) => ({
        change: element.name,
        text: element.text.trim(),
        author: element.attributes.get('w:author'),
        date: element.attributes.get('w:date') ?? '',
      }))
    expect(tracked).toContainEqual(
      expect.objectContaining({ change: 'w:ins', text: 'Zanzibar', author: 'AZ drafter (AZ)' }),
    )
    expect(tracked).toContainEqual(
      expect.objectContaining({ change: 'w:del', text: removed, author: 'US drafter (US)' }),
    )
    expect(tracked).toContainEqual(
      expect.objectContaining({ change: 'w:ins', text: 'Quixotic', author: 'US drafter (US)' }),
    )
    expect(tracked).toContainEqual({
      change: 'w:ins',
      text: 'Verily',
      author: 'AZ drafter (AZ)',
      date: verilyMark.at,
    })
    for (const change of tracked) {
      expect(Date.parse(change.date)).toBeGreaterThanOrEqual(Date.parse(startedAt) - 1000)
      expect(Date.parse(change.date)).toBeLessThanOrEqual(Date.now())
    }
  })

  it("refuses an update written with another account's Yjs client id", async () => {
    const az = await connect('drafter AZ')
    articleText(az.ydoc, 'security').insert(0, 'Mine ')
    await eventually(async () => expect(await storedMarkup('security')).toMatch(/^Mine /))
    const socket = await sendRaw(
      'drafter US',
      az,
      (ydoc) => articleText(ydoc, 'security').insert(0, 'Theirs '),
      az.ydoc.clientID,
    )
    const { code, reason } = await socket.closed
    expect(code).toBe(CloseCode.forbidden)
    expect(reason).toMatch(/belongs to another author/)
    expect(await storedMarkup('security')).toMatch(/^Mine /)
  })

  /** Puts a suggested insertion of `text` by `who` at the start of `area`'s first article; resolves with its id. */
  async function suggestInsertion(who: Who, area: string, text: string): Promise<string> {
    const writer = await connect(who)
    const id = crypto.randomUUID()
    articleText(writer.ydoc, area).insert(0, text, { insertion: markOf(accounts[who], id) })
    await eventually(async () => expect(await storedMarkup(area)).toMatch(new RegExp(`^\\{\\+${text}\\+\\}`)))
    return id
  }

  function decide(who: Who, decision: 'accepted' | 'rejected', id: string) {
    return api<{ decided: SuggestionDecision[]; requested: SuggestionRequest[]; message?: string }>(
      who,
      'POST',
      '/suggestions/decisions',
      { decision, ids: [id] },
    )
  }

  async function agreeArticle(area: string): Promise<void> {
    const clauses = await api<ClauseOverview[]>('observer US', 'GET', '/clauses')
    const clauseId = clauses.body.find((clause) => clause.area === area)?.clauseId
    for (const who of ['co-chair AZ', 'co-chair US'] as const)
      expect((await api(who, 'POST', `/clauses/${clauseId}/status`, { to: 'agreedAdRef' })).status).toBe(200)
  }

  it('in an agreed article a decision takes both co-chairs: the first waits, the second completes it and both are named', async () => {
    await agreeArticle('investment')
    const id = await suggestInsertion('drafter AZ', 'investment', 'Promptly ')
    const before = await storedMarkup('investment')

    const first = await decide('co-chair AZ', 'accepted', id)
    expect(first.status).toBe(200)
    expect(first.body.decided).toEqual([])
    expect(first.body.requested).toMatchObject([
      { suggestionId: id, decision: 'accepted', requestedBy: { delegation: 'AZ' } },
    ])
    const waiting = await api<SuggestionRequest[]>('observer US', 'GET', '/suggestions/requests')
    expect(waiting.body).toMatchObject([{ suggestionId: id, requestedBy: { delegation: 'AZ' } }])
    expect(await storedMarkup('investment')).toBe(before)
    expect((await api<SuggestionDecision[]>('observer AZ', 'GET', '/suggestions/decisions')).body).toEqual([])
    // The same side cannot turn the second key, nor answer with the other outcome.
    expect((await decide('co-chair AZ', 'accepted', id)).status).toBe(409)
    const disagreeing = await decide('co-chair US', 'rejected', id)
    expect(disagreeing.status).toBe(409)
    expect(disagreeing.body.message).toMatch(/AZ co-chair asked to accept/)

    const second = await decide('co-chair US', 'accepted', id)
    expect(second.status).toBe(200)
    expect(second.body.decided).toMatchObject([
      {
        suggestionId: id,
        decision: 'accepted',
        requestedBy: { accountId: accounts['co-chair AZ'].id, delegation: 'AZ' },
        decidedBy: { accountId: accounts['co-chair US'].id, delegation: 'US' },
      },
    ])
    const decisions = await api<SuggestionDecision[]>('observer AZ', 'GET', '/suggestions/decisions')
    expect(decisions.body).toHaveLength(1)
    expect(decisions.body[0]?.requestedAt).toBe(first.body.requested[0]?.requestedAt)
    expect((await api<SuggestionRequest[]>('observer US', 'GET', '/suggestions/requests')).body).toEqual([])
    await eventually(async () => expect(await storedMarkup('investment')).toMatch(/^Promptly [^{]/))
  })

  it('where the document requires two keys, a drafter cannot decide and a first key can be declined', async () => {
    const policy = { required: false, reviewersSuggest: false, twoKeys: true }
    expect(await api('co-chair US', 'PUT', '/suggestion-policy', policy)).toMatchObject({
      status: 200,
      body: policy,
    })
    const id = await suggestInsertion('drafter AZ', 'connectivity', 'Gladly ')
    for (const who of ['drafter US', 'drafter AZ', 'reviewer US'] as const)
      expect((await decide(who, 'rejected', id)).status).toBe(403)
    // Either co-chair may give the first key, also the author's own side's.
    expect((await decide('co-chair US', 'rejected', id)).status).toBe(200)
    expect((await api('drafter AZ', 'DELETE', `/suggestions/${id}/request`)).status).toBe(403)
    const declined = await api<SuggestionRequest[]>('co-chair AZ', 'DELETE', `/suggestions/${id}/request`)
    expect(declined).toMatchObject({ status: 200, body: [] })
    expect((await api<SuggestionDecision[]>('observer AZ', 'GET', '/suggestions/decisions')).body).toEqual([])
    expect(await storedMarkup('connectivity')).toMatch(/^\{\+Gladly \+\}/)
  })

  it('under two keys a concurrent accept and reject by the two co-chairs end in one state everywhere', async () => {
    await api('co-chair AZ', 'PUT', '/suggestion-policy', {
      required: false,
      reviewersSuggest: false,
      twoKeys: true,
    })
    const id = await suggestInsertion('drafter US', 'security', 'Jointly ')
    const before = await storedMarkup('security')
    const [accept, reject] = await Promise.all([
      decide('co-chair AZ', 'accepted', id),
      decide('co-chair US', 'rejected', id),
    ])
    expect([accept.status, reject.status].sort()).toEqual([200, 409])
    const won = accept.status === 200 ? accept : reject
    const waiting = await api<SuggestionRequest[]>('observer US', 'GET', '/suggestions/requests')
    expect(waiting.body).toEqual(won.body.requested)
    expect(await storedMarkup('security')).toBe(before)

    // The second key, turned twice at once the two ways: one decision, and the text follows it.
    const outcome = waiting.body[0]?.decision ?? 'accepted'
    const answerer: Who = waiting.body[0]?.requestedBy.delegation === 'AZ' ? 'co-chair US' : 'co-chair AZ'
    const other = outcome === 'accepted' ? 'rejected' : 'accepted'
    const answers = await Promise.all([decide(answerer, outcome, id), decide(answerer, other, id)])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    const decisions = await api<SuggestionDecision[]>('observer AZ', 'GET', '/suggestions/decisions')
    expect(decisions.body).toMatchObject([{ suggestionId: id, decision: outcome }])
    const final = outcome === 'accepted' ? /^Jointly [^{]/ : /^[^{J]/
    const reader = await connect('observer AZ')
    await eventually(() => expect(markup(articleText(reader.ydoc, 'security'))).toMatch(final))
    expect(await storedMarkup('security')).toBe(markup(articleText(reader.ydoc, 'security')))
  })
})
