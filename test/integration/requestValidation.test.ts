import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

/** Every body and query is checked by the shared schemas; a bad one gets 400 naming the bad field's path. */
describe('request validation', () => {
  let server: TestServer
  let coChair: string
  let admin: string

  async function call(token: string | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { Origin: server.httpUrl }
    if (token) headers.Authorization = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await fetch(`${server.httpUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  beforeAll(async () => {
    server = await startTestServer()
    coChair = (await server.createAccount({ role: 'co-chair' })).token
    admin = (await server.createAccount({ role: 'observer', isAdmin: true })).token
  })

  afterAll(async () => {
    await server.stop({ removeData: true })
  })

  const meeting = { title: 'Round 3', date: '2026-03-01', format: 'online' }
  const cases: [string, () => string | null, string, string, unknown, string][] = [
    [
      'a nested participant',
      () => coChair,
      'POST',
      '/api/meetings',
      { ...meeting, participants: { AZ: ['Leyla', 7] } },
      'participants.AZ.1',
    ],
    ['a meeting date', () => coChair, 'POST', '/api/meetings', { ...meeting, date: '1 March' }, 'date'],
    ['a meeting format', () => coChair, 'POST', '/api/meetings', { ...meeting, format: 'phone' }, 'format'],
    ['a missing title', () => coChair, 'POST', '/api/documents', { visibility: 'everyone' }, 'title'],
    [
      'a visibility',
      () => coChair,
      'POST',
      '/api/documents',
      { title: 'x', visibility: 'public' },
      'visibility',
    ],
    [
      'a thread kind',
      () => coChair,
      'POST',
      '/api/documents/charter/threads',
      { kind: 'x', text: 'hi' },
      'kind',
    ],
    [
      'a thread area',
      () => coChair,
      'POST',
      '/api/documents/charter/threads',
      { kind: 'area', area: 'x', text: 'hi' },
      'area',
    ],
    [
      'an inline anchor',
      () => coChair,
      'POST',
      '/api/documents/charter/threads',
      { kind: 'inline', anchor: { start: 'a' }, text: 'hi' },
      'anchor.end',
    ],
    ['a snapshot name', () => coChair, 'POST', '/api/documents/charter/snapshots', { name: '   ' }, 'name'],
    ['a token lifetime', () => coChair, 'POST', '/api/tokens', { days: 1000 }, 'days'],
    [
      'an export format',
      () => coChair,
      'GET',
      '/api/documents/charter/export?format=exe',
      undefined,
      'format',
    ],
    ['a compared version', () => coChair, 'GET', '/api/documents/charter/compare?from=-4', undefined, 'from'],
    [
      'an invitation role',
      () => admin,
      'POST',
      '/api/admin/invitations',
      { delegation: 'AZ', role: 'king' },
      'role',
    ],
    ['an admin flag', () => admin, 'PATCH', '/api/admin/users/1', { isAdmin: 'yes' }, 'isAdmin'],
    ['an audit page', () => admin, 'GET', '/api/admin/audit?before=abc', undefined, 'before'],
    [
      'a login',
      () => null,
      'POST',
      '/api/setup',
      { token: 't', login: 'Bad Login!', name: 'n', delegation: 'AZ', password: 'long enough password' },
      'login',
    ],
    [
      'a short password',
      () => null,
      'POST',
      '/api/invitations/x/accept',
      { login: 'new.user', name: 'n', password: 'short' },
      'password',
    ],
    ['a sign-in login', () => null, 'POST', '/api/auth/sign-in', { password: 'whatever' }, 'login'],
  ]

  it.each(cases)('answers 400 naming %s', async (_label, token, method, path, body, fieldPath) => {
    const auditBefore = (await server.app.stores.audit.list({ limit: 1000 })).length
    const answer = await call(token(), method, path, body)
    expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    expect(answer.body).toMatchObject({ error: 'bad_request', path: fieldPath })
    expect(typeof answer.body.message).toBe('string')
    expect((await server.app.stores.audit.list({ limit: 1000 })).length).toBe(auditBefore)
  })

  it('keeps the login, name and length rules when they pass', async () => {
    const ok = await call(coChair, 'POST', '/api/meetings', {
      ...meeting,
      title: '  Round 3  ',
      participants: { AZ: [' Leyla ', ''] },
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ title: 'Round 3', participants: { AZ: ['Leyla'], US: [] }, notes: '' })
  })
})
