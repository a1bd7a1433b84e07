import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type ThreadView, threadsDocumentName, threadsMapName } from '../../shared/comments/index.ts'
import { charterDocumentName, MessageType, SyncMessageType } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/roles/index.ts'
import { articleText, plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { syncMessage } from '../helpers/protocolMessages.ts'
import { joinedRoom, openRawSocket } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

function encodePosition(text: Y.XmlText, index: number): string {
  return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString(
    'base64',
  )
}

function resolve(ydoc: Y.Doc, encoded: string): number | null {
  const position = Y.decodeRelativePosition(new Uint8Array(Buffer.from(encoded, 'base64')))
  return Y.createAbsolutePositionFromRelativePosition(position, ydoc)?.index ?? null
}

function anchoredText(ydoc: Y.Doc, thread: ThreadView, text: Y.XmlText): string {
  const start = resolve(ydoc, thread.anchor!.start)!
  const end = resolve(ydoc, thread.anchor!.end)!
  return plainText(text).slice(start, end)
}

describe('comment threads', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const tokens = {} as Record<Role, { token: string; id: number; name: string }>

  async function api(role: Role | string, method: string, path: string, body?: unknown) {
    const token = role in tokens ? tokens[role as Role].token : role
    const response = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, body: (await response.json()) as ThreadView & { error?: string } }
  }

  async function connect(role: Role, documentName = charterDocumentName) {
    const client = await connectClient(server.wsUrl, documentName, { params: { token: tokens[role].token } })
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startTestServer()
    for (const [role, delegation] of [
      ['co-chair', 'US'],
      ['drafter', 'AZ'],
      ['reviewer', 'AZ'],
      ['observer', 'US'],
    ] as const) {
      const { account, token } = await server.createAccount({ role, delegation, name: `The ${role}` })
      tokens[role] = { token, id: account.id, name: account.name }
    }
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.stop({ removeData: true })
  })

  it('lets a reviewer anchor a comment without writing to the text; the server decides its area; others see it live', async () => {
    const reviewer = await connect('reviewer')
    const coChairThreads = await connect('co-chair', threadsDocumentName(charterDocumentName))
    const before = Y.encodeStateVector(reviewer.ydoc)
    const text = articleText(reviewer.ydoc, 'investment')
    const created = await api('reviewer', 'POST', '/threads', {
      kind: 'inline',
      area: 'security',
      anchor: { start: encodePosition(text, 1), end: encodePosition(text, 12) },
      quote: plainText(text).slice(1, 12),
      text: 'Should this mention cloud infrastructure? @The co-chair',
    })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ kind: 'inline', area: 'investment', status: 'open' })
    expect(created.body.comments[0]).toMatchObject({ authorName: 'The reviewer', delegation: 'AZ' })
    expect(created.body.comments[0]?.mentions).toEqual([tokens['co-chair'].id])
    await eventually(
      () => {
        const live = coChairThreads.ydoc.getMap(threadsMapName).get(String(created.body.id)) as
          | ThreadView
          | undefined
        expect(live?.comments[0]?.text).toContain('cloud infrastructure')
      },
      { timeoutMs: 5000 },
    )
    expect(Y.encodeStateVector(reviewer.ydoc)).toEqual(before)
  })

  it('keeps the anchor on its words when another client inserts before and inside the range', async () => {
    const drafter = await connect('drafter')
    const text = articleText(drafter.ydoc, 'connectivity')
    const original = plainText(text).slice(13, 25)
    const { body: thread } = await api('reviewer', 'POST', '/threads', {
      kind: 'inline',
      anchor: { start: encodePosition(text, 13), end: encodePosition(text, 25) },
      quote: original,
      text: 'Anchored',
    })
    text.insert(0, 'EARLIER ')
    text.insert(13 + 8 + 4, '[INSIDE]')
    const observer = await connect('observer')
    await eventually(() =>
      expect(plainText(articleText(observer.ydoc, 'connectivity'))).toContain('[INSIDE]'),
    )
    const anchored = anchoredText(observer.ydoc, thread, articleText(observer.ydoc, 'connectivity'))
    expect(anchored).toBe(`${original.slice(0, 4)}[INSIDE]${original.slice(4)}`)
  })

  it('orphans a thread whose text was deleted, keeping its quote', async () => {
    const drafter = await connect('drafter')
    const text = articleText(drafter.ydoc, 'security')
    const { body: thread } = await api('reviewer', 'POST', '/threads', {
      kind: 'inline',
      anchor: { start: encodePosition(text, 2), end: encodePosition(text, 9) },
      quote: plainText(text).slice(2, 9),
      text: 'About to be deleted',
    })
    text.delete(0, text.length)
    const observer = await connect('observer')
    await eventually(() => expect(articleText(observer.ydoc, 'security').length).toBe(0))
    expect(anchoredText(observer.ydoc, thread, articleText(observer.ydoc, 'security'))).toBe('')
    const listed = await api('observer', 'GET', '/threads')
    const kept = (listed.body as unknown as ThreadView[]).find((candidate) => candidate.id === thread.id)
    expect(kept?.quote).toBe(thread.quote)
    expect(kept?.comments[0]?.text).toBe('About to be deleted')
  })

  it('refuses comments from observers and malformed anchors', async () => {
    expect(
      (await api('observer', 'POST', '/threads', { kind: 'area', area: 'security', text: 'x' })).status,
    ).toBe(403)
    const bad = await api('reviewer', 'POST', '/threads', {
      kind: 'inline',
      anchor: { start: '!!', end: 'x' },
      text: 'x',
    })
    expect(bad.status).toBe(400)
    expect((await api('observer', 'GET', '/threads')).body).toEqual([])
  })

  it('lets only the author edit or delete a comment, and keeps a placeholder for a deleted one', async () => {
    const { body: thread } = await api('reviewer', 'POST', '/threads', {
      kind: 'area',
      area: 'investment',
      text: 'Mine',
    })
    const commentId = thread.comments[0]!.id
    expect((await api('drafter', 'PATCH', `/comments/${commentId}`, { text: 'Hijacked' })).status).toBe(403)
    expect((await api('co-chair', 'DELETE', `/comments/${commentId}`)).status).toBe(403)
    const edited = await api('reviewer', 'PATCH', `/comments/${commentId}`, { text: 'Mine, edited' })
    expect(edited.body.comments[0]).toMatchObject({ text: 'Mine, edited' })
    expect(edited.body.comments[0]?.editedAt).not.toBeNull()
    await api('drafter', 'POST', `/threads/${thread.id}/comments`, { text: 'A reply' })
    const deleted = await api('reviewer', 'DELETE', `/comments/${commentId}`)
    expect(deleted.body.comments).toHaveLength(2)
    expect(deleted.body.comments[0]).toMatchObject({ text: null })
    expect(deleted.body.comments[0]?.deletedAt).not.toBeNull()
    expect(deleted.body.comments[1]).toMatchObject({ text: 'A reply' })
  })

  it('lets the author or a co-chair resolve and reopen, nobody else', async () => {
    const { body: thread } = await api('reviewer', 'POST', '/threads', {
      kind: 'area',
      area: 'other',
      text: 'Resolve me',
    })
    expect((await api('drafter', 'POST', `/threads/${thread.id}/resolve`)).status).toBe(403)
    expect((await api('co-chair', 'POST', `/threads/${thread.id}/resolve`)).body).toMatchObject({
      status: 'resolved',
    })
    expect((await api('reviewer', 'POST', `/threads/${thread.id}/reopen`)).body).toMatchObject({
      status: 'open',
    })
  })

  it('refuses any client write to the threads channel, even from a co-chair', async () => {
    await api('reviewer', 'POST', '/threads', { kind: 'area', area: 'general', text: 'Original' })
    const name = threadsDocumentName(charterDocumentName)
    const socket = await openRawSocket(`${server.wsUrl}/${name}?token=${tokens['co-chair'].token}`)
    await joinedRoom(socket)
    const forged = new Y.Doc()
    forged.getMap(threadsMapName).set('1', { forged: true })
    socket.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(forged)))
    await eventually(() =>
      expect(socket.messages.some((message) => message[0] === MessageType.auth)).toBe(true),
    )
    const reader = await connect('observer', name)
    const stored = reader.ydoc.getMap(threadsMapName).get('1') as ThreadView
    expect(stored.comments[0]?.text).toBe('Original')
    socket.socket.terminate()
  })

  it('returns comment text exactly as written, for the client to escape', async () => {
    const hostile = '<img src=x onerror=alert(1)> [link](javascript:alert(2))'
    const { body } = await api('reviewer', 'POST', '/threads', {
      kind: 'area',
      area: 'general',
      text: hostile,
    })
    expect(body.comments[0]?.text).toBe(hostile)
  })

  it('lists the people a comment can mention: everyone with access, with their role here, not disabled accounts', async () => {
    const { account: gone } = await server.createAccount({ role: 'drafter', delegation: 'US', name: 'Gone' })
    await server.app.stores.accounts.updateAccount(gone.id, { disabled: true })
    const response = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}/people`, {
      headers: { Authorization: `Bearer ${tokens.observer.token}` },
    })
    expect(response.status).toBe(200)
    const people = (await response.json()) as { id: number; name: string; role: Role }[]
    expect(people.map(({ name, role }) => ({ name, role }))).toEqual(
      expect.arrayContaining([
        { name: 'The co-chair', role: 'co-chair' },
        { name: 'The drafter', role: 'drafter' },
        { name: 'The reviewer', role: 'reviewer' },
        { name: 'The observer', role: 'observer' },
      ]),
    )
    expect(people.map((person) => person.name)).not.toContain('Gone')
  })
})
