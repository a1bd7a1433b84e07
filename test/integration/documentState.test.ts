import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

/** GET /api/documents/:name/state: a browser's first sync over HTTP (client/sync/loadServerState.ts). */
describe('the document state over HTTP', () => {
  let server: TestServer
  let token: string
  const draft = new Y.Doc()

  beforeAll(async () => {
    server = await startTestServer()
    await server.ensureDocument('state-doc')
    await server.ensureDocument('az-only', [
      { subject: { kind: 'delegation', delegation: 'AZ' }, maxRole: 'co-chair' },
    ])
    draft.transact(() => {
      for (let index = 0; index < 400; index++) {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(`${index}. The Parties shall cooperate on energy and transit.`)])
        draft.getXmlFragment('default').push([paragraph])
      }
    })
    await server.app.stores.documents.append('state-doc', [Y.encodeStateAsUpdate(draft)])
    ;({ token } = await server.createAccount({ role: 'observer', delegation: 'US' }))
  })

  afterAll(async () => {
    await server.stop({ removeData: true })
  })

  function get(path: string, headers: Record<string, string> = {}, bearer: string | null = token) {
    return fetch(`${server.httpUrl}${path}`, {
      headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...headers },
    })
  }

  it('sends the whole state, brotli-compressed when accepted, uncached', async () => {
    const response = await get('/api/documents/state-doc/state', { 'Accept-Encoding': 'br' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    // fetch decodes the body; the wire length is the header's.
    const update = new Uint8Array(await response.arrayBuffer())
    const copy = new Y.Doc()
    Y.applyUpdate(copy, update)
    expect(copy.getXmlFragment('default').toString()).toBe(draft.getXmlFragment('default').toString())
    expect(Number(response.headers.get('content-length'))).toBeLessThan(update.byteLength / 4)
  })

  it('sends only what a given state vector lacks', async () => {
    const vector = Buffer.from(Y.encodeStateVector(draft)).toString('base64url')
    const upToDate = new Uint8Array(
      await (await get(`/api/documents/state-doc/state?sv=${vector}`)).arrayBuffer(),
    )
    expect(upToDate.byteLength).toBeLessThan(10)
    const response = await get('/api/documents/state-doc/state?sv=____')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'bad_request' })
  })

  it('answers only those who may open the document', async () => {
    expect((await get('/api/documents/state-doc/state', {}, null)).status).toBe(401)
    expect((await get('/api/documents/az-only/state')).status).toBe(404)
    expect((await get('/api/documents/missing/state')).status).toBe(404)
    const scoped = await server.createAccount({ role: 'co-chair', delegation: 'AZ', documentName: 'az-only' })
    expect((await get('/api/documents/az-only/state', {}, scoped.token)).status).toBe(200)
    expect((await get('/api/documents/state-doc/state', {}, scoped.token)).status).toBe(403)
  })
})
