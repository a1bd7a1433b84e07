import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/passwordHash.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

const password = 'correct horse battery'

describe('HTTP API: the interface language of each person', () => {
  let server: TestServer

  /** A cookie-keeping browser on our own origin that sends `acceptLanguage`. */
  function browser(acceptLanguage: string) {
    let cookie = ''
    return async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const headers: Record<string, string> = {
        'Accept-Language': acceptLanguage,
        Origin: `http://127.0.0.1:${server.port}`,
      }
      if (cookie) headers.Cookie = cookie
      if (init.body !== undefined) headers['Content-Type'] = 'application/json'
      const response = await fetch(`${server.httpUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      })
      const setCookie = response.headers.get('set-cookie')
      if (setCookie) cookie = setCookie.split(';')[0] ?? ''
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
  }

  async function signedIn(acceptLanguage: string) {
    const client = browser(acceptLanguage)
    expect(
      (await client('/api/auth/sign-in', { method: 'POST', body: { login: 'leyla', password } })).status,
    ).toBe(200)
    return client
  }

  beforeEach(async () => {
    server = await startTestServer()
    await server.app.stores.accounts.createAccount({
      login: 'leyla',
      name: 'Leyla Həsənova',
      delegation: 'AZ',
      role: 'drafter',
      isAdmin: false,
      passwordHash: await hashPassword(password),
    })
  })

  afterEach(async () => {
    await server.stop({ removeData: true })
  })

  it('lets Accept-Language decide before sign-in, honouring q-values', async () => {
    expect((await browser('az-AZ,az;q=0.9,en;q=0.8')('/api/session')).body).toMatchObject({ language: 'az' })
    expect((await browser('en-US,en;q=0.9,az;q=0.5')('/api/session')).body).toMatchObject({ language: 'en' })
    expect((await browser('ru;q=0.9,az;q=0.7,en;q=0.3')('/api/session')).body).toMatchObject({
      language: 'az',
    })
    expect((await browser('fr')('/api/session')).body).toMatchObject({ language: 'en' })
  })

  it('keeps the choice with the account, across sign-out and in a browser that asks for another language', async () => {
    const first = await signedIn('en-US')
    expect((await first('/api/session')).body).toMatchObject({ language: 'en' })
    const saved = await first('/api/account/language', { method: 'PUT', body: { language: 'az' } })
    expect(saved).toEqual({ status: 200, body: { language: 'az' } })
    expect((await first('/api/session')).body).toMatchObject({ language: 'az' })
    expect((await first('/api/auth/sign-out', { method: 'POST', body: {} })).status).toBe(200)

    const second = await signedIn('en-US,en;q=0.9')
    expect((await second('/api/session')).body).toMatchObject({ account: { login: 'leyla' }, language: 'az' })
  })

  it('refuses an unknown language and an anonymous change', async () => {
    const client = await signedIn('en')
    const bad = await client('/api/account/language', { method: 'PUT', body: { language: 'ru' } })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: 'bad_request', path: 'language' })
    const anonymous = await browser('az')('/api/account/language', {
      method: 'PUT',
      body: { language: 'az' },
    })
    expect(anonymous.status).toBe(401)
  })
})
