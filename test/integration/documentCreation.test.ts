import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isValidDocumentName } from '../../shared/protocol/index.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

describe('creating documents', () => {
  let server: TestServer

  async function create(token: string, body: Record<string, unknown>) {
    const response = await fetch(`${server.httpUrl}/api/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(async () => {
    await server.stop({ removeData: true })
  })

  it('names the document itself, from the title and a random suffix', async () => {
    const { token } = await server.createAccount({ role: 'co-chair', delegation: 'AZ' })
    const first = await create(token, { title: 'Energy Annex — Draft 2', visibility: 'everyone' })
    const second = await create(token, { title: 'Energy Annex — Draft 2', visibility: 'everyone' })
    expect(first.status).toBe(200)
    const name = String(first.body.name)
    expect(name).toMatch(/^energy-annex-draft-2-[a-z0-9]{10}$/)
    expect(isValidDocumentName(name)).toBe(true)
    expect(second.body.name).not.toBe(name)
    expect(await create(token, { title: 'Ümläut ə', visibility: 'everyone' })).toMatchObject({ status: 200 })
  })

  it('does not reveal another delegation’s private document to a co-chair probing for its name', async () => {
    const az = await server.createAccount({ role: 'co-chair', delegation: 'AZ' })
    const us = await server.createAccount({ role: 'co-chair', delegation: 'US' })
    const secret = await create(az.token, { title: 'AZ red lines', visibility: 'delegation' })
    const secretName = String(secret.body.name)
    const probeTaken = await create(us.token, { name: secretName, title: 'probe', visibility: 'delegation' })
    const probeFree = await create(us.token, {
      name: 'no-such-name',
      title: 'probe',
      visibility: 'delegation',
    })
    // Taken and free names get the same answer: a new document of the caller's, under a name the server chose.
    expect(probeTaken.status).toBe(200)
    expect(probeFree.status).toBe(200)
    expect(probeTaken.body.name).not.toBe(secretName)
    expect((await server.app.stores.catalog.find(secretName))?.title).toBe('AZ red lines')
    const listed = await fetch(`${server.httpUrl}/api/documents`, {
      headers: { Authorization: `Bearer ${us.token}` },
    })
    expect(((await listed.json()) as { name: string }[]).map((document) => document.name)).not.toContain(
      secretName,
    )
  })
})
