import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/passwordHash.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

const password = 'correct horse battery'

describe('HTTP API: sign-in, sessions, roles and cross-site protection', () => {
  let server: TestServer
  let origin: string

  /** A tiny cookie-keeping client, as a browser on our own origin would be. */
  function browser() {
    let cookie = ''
    return async (path: string, init: { method?: string; body?: unknown; origin?: string | null } = {}) => {
      const headers: Record<string, string> = {}
      if (cookie) headers.Cookie = cookie
      if (init.body !== undefined) headers['Content-Type'] = 'application/json'
      const sentOrigin = init.origin === undefined ? origin : init.origin
      if (sentOrigin) headers.Origin = sentOrigin
      const response = await fetch(`${server.httpUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      })
      const setCookie = response.headers.get('set-cookie')
      if (setCookie) cookie = setCookie.split(';')[0] ?? ''
      return { status: response.status, body: (await response.json()) as Record<string, unknown>, setCookie }
    }
  }

  async function createUser(
    login: string,
    role: 'co-chair' | 'drafter' | 'reviewer' | 'observer',
    isAdmin = false,
  ) {
    return await server.app.stores.accounts.createAccount({
      login,
      name: login,
      delegation: 'AZ',
      role,
      isAdmin,
      passwordHash: await hashPassword(password),
    })
  }

  beforeEach(async () => {
    server = await startTestServer()
    origin = `http://127.0.0.1:${server.port}`
  })

  afterEach(async () => {
    await server.stop({ removeData: true })
  })

  it('signs in with a password into an httpOnly SameSite cookie session, and signs out', async () => {
    await createUser('leyla', 'drafter')
    const client = browser()
    expect((await client('/api/session')).body).toMatchObject({ account: null })
    const signIn = await client('/api/auth/sign-in', { method: 'POST', body: { login: 'leyla', password } })
    expect(signIn.status).toBe(200)
    expect(signIn.setCookie).toMatch(/HttpOnly/)
    expect(signIn.setCookie).toMatch(/SameSite=Lax/)
    expect((await client('/api/session')).body).toMatchObject({
      account: { login: 'leyla', role: 'drafter' },
    })
    expect((await client('/api/auth/sign-out', { method: 'POST', body: {} })).status).toBe(200)
    expect((await client('/api/documents')).status).toBe(401)
  })

  it('rate-limits wrong passwords per account (429 with Retry-After)', async () => {
    await createUser('target', 'drafter')
    const client = browser()
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await client('/api/auth/sign-in', { method: 'POST', body: { login: 'target', password: 'wrong' } }))
          .status,
      ).toBe(401)
    }
    const blocked = await client('/api/auth/sign-in', { method: 'POST', body: { login: 'target', password } })
    expect(blocked.status).toBe(429)
    const failures = (await server.app.stores.audit.list({ limit: 50 })).filter(
      (event) => event.action === 'auth.sign-in-failed',
    )
    expect(failures).toHaveLength(5)
  })

  it('refuses cookie-authenticated state changes from a foreign or missing Origin', async () => {
    await createUser('admin', 'co-chair', true)
    const client = browser()
    await client('/api/auth/sign-in', { method: 'POST', body: { login: 'admin', password } })
    const invitation = { delegation: 'US', role: 'reviewer' }
    const foreign = await client('/api/admin/invitations', {
      method: 'POST',
      body: invitation,
      origin: 'https://evil.example',
    })
    expect(foreign.status).toBe(403)
    const missing = await client('/api/admin/invitations', { method: 'POST', body: invitation, origin: null })
    expect(missing.status).toBe(403)
    const own = await client('/api/admin/invitations', { method: 'POST', body: invitation })
    expect(own.status).toBe(200)
    expect(await server.app.stores.invitations.listInvitations()).toHaveLength(1)
  })

  it('keeps admin routes to administrators', async () => {
    await createUser('drafter', 'drafter')
    const client = browser()
    await client('/api/auth/sign-in', { method: 'POST', body: { login: 'drafter', password } })
    expect((await client('/api/admin/users')).status).toBe(403)
    expect((await client('/api/admin/audit')).status).toBe(403)
    expect(
      (
        await client('/api/admin/invitations', {
          method: 'POST',
          body: { delegation: 'AZ', role: 'co-chair' },
        })
      ).status,
    ).toBe(403)
  })

  it('uses an invitation once, with the delegation and role it fixes', async () => {
    const admin = await createUser('admin', 'co-chair', true)
    const { token } = await server.app.stores.invitations.createInvitation({
      delegation: 'US',
      role: 'reviewer',
      name: 'Sarah',
      createdBy: admin.id,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    })
    const client = browser()
    const accepted = await client(`/api/invitations/${token}/accept`, {
      method: 'POST',
      body: { login: 'sarah', name: 'Sarah Whitman', password, role: 'co-chair', delegation: 'AZ' },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({
      account: { login: 'sarah', delegation: 'US', role: 'reviewer', isAdmin: false },
    })
    const reused = await browser()(`/api/invitations/${token}/accept`, {
      method: 'POST',
      body: { login: 'mallory', name: 'Mallory', password },
    })
    expect(reused.status).toBe(404)
  })

  it('creates the first co-chair from the one-time setup link, and only once', async () => {
    const token = await server.app.stores.setupSecret.createSetupToken()
    const client = browser()
    expect((await client('/api/session')).body).toMatchObject({ needsSetup: true })
    const bad = await client('/api/setup', {
      method: 'POST',
      body: { token: 'guess', login: 'guesser', name: 'X', password, delegation: 'AZ' },
    })
    expect(bad.status).toBe(403)
    const setup = await client('/api/setup', {
      method: 'POST',
      body: { token, login: 'aysel', name: 'Aysel Karimova', password, delegation: 'AZ' },
    })
    expect(setup.body).toMatchObject({ account: { login: 'aysel', role: 'co-chair', isAdmin: true } })
    const again = await browser()('/api/setup', {
      method: 'POST',
      body: { token, login: 'second', name: 'Second', password, delegation: 'US' },
    })
    expect(again.status).toBe(403)
  })

  it('lists only visible documents and answers 404 (not 403) for another delegation’s notes', async () => {
    await server.ensureDocument('az-notes', [
      { subject: { kind: 'delegation', delegation: 'AZ' }, maxRole: 'co-chair' },
    ])
    const us = await server.createAccount({ role: 'co-chair', delegation: 'US' })
    const headers = { Authorization: `Bearer ${us.token}` }
    const list = (await (await fetch(`${server.httpUrl}/api/documents`, { headers })).json()) as {
      name: string
    }[]
    expect(list.map((document) => document.name)).toEqual(['charter'])
    expect((await fetch(`${server.httpUrl}/api/documents/az-notes`, { headers })).status).toBe(404)
    const az = await server.createAccount({ role: 'reviewer', delegation: 'AZ' })
    const azView = await fetch(`${server.httpUrl}/api/documents/az-notes`, {
      headers: { Authorization: `Bearer ${az.token}` },
    })
    expect(await azView.json()).toMatchObject({ name: 'az-notes', role: 'reviewer' })
  })

  it('signs in once with a one-time link and records it in the audit log', async () => {
    const account = await createUser('linked', 'observer')
    const link = await server.app.stores.signInLinks.createSignInLink(
      account.id,
      new Date(Date.now() + 60_000),
    )
    const first = await browser()('/api/auth/link', { method: 'POST', body: { token: link } })
    expect(first.status).toBe(200)
    const second = await browser()('/api/auth/link', { method: 'POST', body: { token: link } })
    expect(second.status).toBe(401)
    const actions = (await server.app.stores.audit.list({ limit: 10 })).map((event) => event.action)
    expect(actions).toContain('auth.sign-in')
    expect(actions).toContain('auth.sign-in-failed')
  })
})
