import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestAccount, type TestServer } from '../helpers/startTestServer.ts'

/** A personal access token limited to one document reaches that document's routes and nothing account-wide. */
describe('a document-limited token over HTTP', () => {
  let server: TestServer
  let limited: TestAccount
  let unlimited: TestAccount

  async function call(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.httpUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return {
      status: response.status,
      body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text,
    }
  }

  beforeAll(async () => {
    server = await startTestServer()
    await server.ensureDocument('scope-a')
    await server.ensureDocument('scope-b')
    // An administrator co-chair: the token's limit, not the account's rights, is what must refuse.
    limited = await server.createAccount({ role: 'co-chair', isAdmin: true, documentName: 'scope-a' })
    const { session, token } = await server.app.stores.sessions.createSession({
      userId: limited.account.id,
      kind: 'token',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    unlimited = { account: limited.account, token, sessionId: session.id }
  })

  afterAll(async () => {
    await server.stop({ removeData: true })
  })

  const areaThread = { kind: 'area', area: 'general', text: 'a comment' }
  const refused: [string, string, unknown?][] = [
    ['GET', '/api/documents/scope-b'],
    ['GET', '/api/documents/scope-b/threads'],
    ['POST', '/api/documents/scope-b/threads', areaThread],
    ['GET', '/api/documents/scope-b/snapshots'],
    ['GET', '/api/documents/scope-b/export?format=md'],
    ['GET', '/api/documents/scope-b/compare'],
    ['GET', '/api/admin/users'],
    ['GET', '/api/admin/audit'],
    ['GET', '/api/admin/invitations'],
    ['POST', '/api/admin/invitations', { delegation: 'AZ', role: 'co-chair' }],
    ['POST', '/api/tokens', {}],
    ['GET', '/api/meetings'],
    ['POST', '/api/meetings', { title: 'Round 3', date: '2026-03-01', format: 'online' }],
    ['POST', '/api/documents', { title: 'Side letter', visibility: 'everyone' }],
  ]

  it.each(refused)(
    'refuses %s %s with 403 and changes nothing, though the account may',
    async (method, path, body) => {
      const auditBefore = (await server.app.stores.audit.list({ limit: 1000 })).length
      const threadsBefore = (await server.app.threads.list('scope-b')).length
      const answer = await call(limited.token, method, path, body)
      expect(answer.status, JSON.stringify(answer.body)).toBe(403)
      expect(answer.body).toMatchObject({ error: 'forbidden' })
      expect((await server.app.stores.audit.list({ limit: 1000 })).length).toBe(auditBefore)
      expect((await server.app.threads.list('scope-b')).length).toBe(threadsBefore)
      // The same account with an unlimited token is allowed: the refusal comes from the token's limit.
      expect((await call(unlimited.token, method, path, body)).status).toBe(200)
    },
  )

  it('reaches its own document’s routes', async () => {
    expect((await call(limited.token, 'GET', '/api/documents/scope-a')).status).toBe(200)
    expect((await call(limited.token, 'POST', '/api/documents/scope-a/threads', areaThread)).status).toBe(200)
    expect((await call(limited.token, 'GET', '/api/documents/scope-a/threads')).body).toHaveLength(1)
    expect((await call(limited.token, 'GET', '/api/documents/scope-a/export?format=md')).status).toBe(200)
  })

  it('lists only its own document', async () => {
    const listed = (await call(limited.token, 'GET', '/api/documents')).body as { name: string }[]
    expect(listed.map((document) => document.name)).toEqual(['scope-a'])
    const all = (await call(unlimited.token, 'GET', '/api/documents')).body as { name: string }[]
    expect(all.map((document) => document.name)).toEqual(
      expect.arrayContaining(['charter', 'scope-a', 'scope-b']),
    )
  })

  it('reads who it is and signs itself out, ending only itself', async () => {
    expect((await call(limited.token, 'GET', '/api/session')).body).toMatchObject({
      account: { id: limited.account.id },
    })
    expect((await call(limited.token, 'POST', '/api/auth/sign-out')).status).toBe(200)
    expect((await call(limited.token, 'GET', '/api/documents/scope-a')).status).toBe(401)
    expect((await call(unlimited.token, 'GET', '/api/documents/scope-a')).status).toBe(200)
  })
})
