import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

interface Answer {
  status: number
  connection: string | undefined
  body: unknown
}

/** Posts `bytes` of JSON, with a Content-Length or chunked, and reads the answer with node's http client. */
function postLarge(
  server: TestServer,
  token: string,
  bytes: number,
  framing: 'length' | 'chunked',
): Promise<Answer> {
  const text = 'x'.repeat(bytes - 12)
  const payload = Buffer.from(JSON.stringify({ text }))
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.httpUrl}/api/documents/${charterDocumentName}/threads`,
      {
        method: 'POST',
        agent: false,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          ...(framing === 'length' ? { 'Content-Length': String(payload.length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        )
        response.on('error', reject)
      },
    )
    // The server answers before the whole body is sent and then closes; a write error after the answer is expected.
    request.on('error', reject)
    const piece = 64 * 1024
    let offset = 0
    const writeMore = () => {
      while (offset < payload.length) {
        const chunk = payload.subarray(offset, offset + piece)
        offset += piece
        if (!request.write(chunk)) {
          request.once('drain', writeMore)
          return
        }
      }
      request.end()
    }
    writeMore()
  })
}

describe('request body limit', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = (await server.createAccount({ role: 'drafter' })).token
  })

  afterAll(async () => {
    await server.stop({ removeData: true })
  })

  for (const megabytes of [2, 10]) {
    for (const framing of ['length', 'chunked'] as const) {
      it(`answers a ${megabytes} MB comment body (${framing}) with 413 and a JSON error, not a reset`, async () => {
        const answer = await postLarge(server, token, megabytes * 1024 * 1024, framing)
        expect(answer.status).toBe(413)
        expect(answer.connection).toBe('close')
        expect(answer.body).toMatchObject({ error: 'too_large', message: expect.any(String) })
        const health = await fetch(`${server.httpUrl}/api/health`)
        expect(health.status).toBe(200)
      })
    }
  }

  it('still accepts a body just under the limit', async () => {
    const response = await fetch(`${server.httpUrl}/api/documents/${charterDocumentName}/threads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(1000 * 1000) }),
    })
    // Not 413: the body is read whole and then judged by the route (a 400 for a text that long is fine).
    expect(response.status).not.toBe(413)
    expect(response.status).toBeLessThan(500)
  })
})
