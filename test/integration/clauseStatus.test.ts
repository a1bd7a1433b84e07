import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { databaseFileName } from '../../server/persistence/openSqliteDatabase.ts'
import type { ClauseOverview, ClauseState } from '../../shared/negotiation/clauseStatus.ts'
import { CloseCode, charterDocumentName, SyncMessageType } from '../../shared/protocol/index.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { articleText, plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { syncMessage } from '../helpers/protocolMessages.ts'
import { openRawSocket, type RawSocket } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

describe('clause status and the two-key rule', () => {
  let server: TestServer
  const tokens = {} as Record<`${Role} ${Delegation}`, string>
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []

  async function api<T>(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as T }
  }

  async function overview(): Promise<ClauseOverview[]> {
    return (await api<ClauseOverview[]>(tokens['observer US'], 'GET', '/clauses')).body
  }

  async function clauseIn(area: string): Promise<ClauseOverview> {
    const found = (await overview()).find((clause) => clause.area === area)
    if (!found) throw new Error(`no article in ${area}`)
    return found
  }

  function move(who: `${Role} ${Delegation}`, clauseId: string, body: Record<string, unknown>) {
    return api<ClauseState & { message?: string }>(tokens[who], 'POST', `/clauses/${clauseId}/status`, body)
  }

  async function agreeAdRef(clauseId: string): Promise<void> {
    expect((await move('co-chair AZ', clauseId, { to: 'agreedAdRef' })).status).toBe(200)
    expect((await move('co-chair US', clauseId, { to: 'agreedAdRef' })).body.status).toBe('agreedAdRef')
  }

  async function connect(who: `${Role} ${Delegation}`): Promise<TestClient> {
    const client = await connectClient(server.wsUrl, charterDocumentName, { params: { token: tokens[who] } })
    clients.push(client)
    return client
  }

  async function storedArticleText(area: string): Promise<string> {
    const ydoc = new Y.Doc()
    for (const update of (await server.app.store.load(charterDocumentName)).updates)
      Y.applyUpdate(ydoc, update)
    return plainText(articleText(ydoc, area))
  }

  beforeEach(async () => {
    server = await startTestServer()
    for (const delegation of ['AZ', 'US'] as const) {
      for (const role of ['co-chair', 'drafter', 'reviewer', 'observer'] as const) {
        tokens[`${role} ${delegation}`] = (await server.createAccount({ role, delegation })).token
      }
    }
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const socket of sockets.splice(0)) socket.socket.terminate()
    await server.stop({ removeData: true })
  })

  it('one delegation alone cannot agree; the other delegation confirms; drafters and reviewers cannot', async () => {
    const { clauseId } = await clauseIn('connectivity')
    expect((await move('drafter AZ', clauseId, { to: 'agreedAdRef' })).status).toBe(403)
    expect((await move('reviewer US', clauseId, { to: 'agreedAdRef' })).status).toBe(403)
    const request = await move('co-chair AZ', clauseId, { to: 'agreedAdRef' })
    expect(request.body).toMatchObject({ status: 'open', pending: { delegation: 'AZ', to: 'agreedAdRef' } })
    // The same delegation's second key is no second key.
    expect((await move('co-chair AZ', clauseId, { to: 'agreedAdRef' })).status).toBe(409)
    const confirmed = await move('co-chair US', clauseId, { to: 'agreedAdRef' })
    expect(confirmed.body).toMatchObject({ status: 'agreedAdRef', pending: null })
    expect((await clauseIn('connectivity')).status).toBe('agreedAdRef')
  })

  it('refuses agreement while the article has an open bracket', async () => {
    const writer = await connect('drafter AZ')
    const clause = await clauseIn('investment')
    // Bracket the article's placeholder text the way the editor does: a bracket node with one alternative.
    writer.ydoc.transact(() => {
      const text = articleText(writer.ydoc, 'investment')
      const paragraph = text.parent as Y.XmlElement
      const bracket = new Y.XmlElement('bracket')
      bracket.setAttribute('id', crypto.randomUUID())
      const alternative = new Y.XmlElement('bracketAlternative')
      alternative.setAttribute('id', crypto.randomUUID())
      alternative.setAttribute('proposedBy', 'AZ')
      alternative.insert(0, [new Y.XmlText('shall')])
      bracket.insert(0, [alternative])
      paragraph.insert(paragraph.length, [bracket])
    })
    await eventually(async () => expect((await clauseIn('investment')).openBrackets).toBe(1))
    const refused = await move('co-chair AZ', clause.clauseId, { to: 'agreedAdRef' })
    expect(refused.status).toBe(409)
    expect(refused.body.message).toMatch(/open bracket/)
  })

  it("refuses a drafter's raw update to an agreed article, storing nothing, while an open article's edit lands", async () => {
    const agreed = await clauseIn('connectivity')
    await agreeAdRef(agreed.clauseId)
    const before = await storedArticleText('connectivity')

    const reader = await connect('observer US')
    const socket = await openRawSocket(`${server.wsUrl}/${charterDocumentName}?token=${tokens['drafter US']}`)
    sockets.push(socket)
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(reader.ydoc))
    const vector = Y.encodeStateVector(forger)
    articleText(forger, 'connectivity').insert(0, 'Unilateral ')
    socket.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(forger, vector)))
    const { code, reason } = await socket.closed
    expect(code).toBe(CloseCode.forbidden)
    expect(reason).toMatch(/Article \d+ is agreed ad referendum/)
    expect(await storedArticleText('connectivity')).toBe(before)

    const writer = await connect('drafter US')
    articleText(writer.ydoc, 'security').insert(0, 'Open to change. ')
    await eventually(async () => expect(await storedArticleText('security')).toMatch(/^Open to change\. /))
    expect(plainText(articleText(reader.ydoc, 'connectivity'))).toBe(before)
  })

  it('reopening needs a reason and both delegations; then the article is editable again', async () => {
    const { clauseId } = await clauseIn('security')
    await agreeAdRef(clauseId)
    expect((await move('co-chair US', clauseId, { to: 'reopened' })).status).toBe(400)
    await move('co-chair US', clauseId, { to: 'reopened', reason: 'Capital asks for a change to the scope' })
    expect((await clauseIn('security')).status).toBe('agreedAdRef')
    expect((await move('co-chair AZ', clauseId, { to: 'reopened' })).body.status).toBe('reopened')

    const writer = await connect('drafter AZ')
    articleText(writer.ydoc, 'security').insert(0, 'Revised: ')
    await eventually(async () => expect(await storedArticleText('security')).toMatch(/^Revised: /))
    const history = (
      await api<{ action: string; reason: string }[]>(
        tokens['observer AZ'],
        'GET',
        `/clauses/${clauseId}/history`,
      )
    ).body
    expect(history.map((event) => event.action)).toEqual(['request', 'confirm', 'request', 'confirm'])
    expect(history[2]!.reason).toBe('Capital asks for a change to the scope')
  })

  it('a confirmation for text that changed since the request is refused', async () => {
    const { clauseId } = await clauseIn('other')
    await move('co-chair AZ', clauseId, { to: 'agreedAdRef' })
    const writer = await connect('drafter US')
    articleText(writer.ydoc, 'other').insert(0, 'Late change. ')
    await eventually(async () => expect(await storedArticleText('other')).toMatch(/^Late change/))
    const refused = await move('co-chair US', clauseId, { to: 'agreedAdRef' })
    expect(refused.status).toBe(409)
    expect(refused.body.message).toMatch(/changed since the request/)
  })

  it('initialling binds the text to a named snapshot holding the same text', async () => {
    const { clauseId } = await clauseIn('final')
    await agreeAdRef(clauseId)
    await move('co-chair AZ', clauseId, { to: 'agreed' })
    expect((await move('co-chair US', clauseId, { to: 'agreed' })).body.status).toBe('agreed')
    const snapshot = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}/snapshots`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens['co-chair AZ']}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Round 3, agreed text' }),
    })
    const { id: snapshotId } = (await snapshot.json()) as { id: number }
    expect((await move('co-chair US', clauseId, { to: 'initialled' })).status).toBe(400)
    await move('co-chair US', clauseId, { to: 'initialled', snapshotId })
    const initialled = await move('co-chair AZ', clauseId, { to: 'initialled', snapshotId })
    expect(initialled.body.status).toBe('initialled')
  })

  it('the event chain verifies, and a tampered stored event is detected', async () => {
    const { clauseId } = await clauseIn('connectivity')
    await agreeAdRef(clauseId)
    const verify = () =>
      api<{ valid: boolean; events: number; brokenAt: number | null }>(
        tokens['observer AZ'],
        'GET',
        '/clauses/verify',
      )
    expect((await verify()).body).toMatchObject({ valid: true, events: 2, brokenAt: null })
    const database = new Database(path.join(server.dataDir, databaseFileName))
    database.prepare("UPDATE clause_events SET account_name = 'Someone else' WHERE seq = 1").run()
    database.close()
    expect((await verify()).body).toMatchObject({ valid: false, brokenAt: 1 })
  })
})
