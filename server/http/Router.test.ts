import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Logger } from '../logging/Logger.ts'
import { Router } from './Router.ts'

describe('Router', () => {
  let server: http.Server | null = null

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve))
    server = null
  })

  /** Serves `router` with the request target passed through untouched, as the router's caller sees it. */
  async function serve(router: Router): Promise<string> {
    server = http.createServer((request: IncomingMessage, response: ServerResponse) => {
      void router.handle(request, response, new URL(`http://localhost${request.url}`)).then((handled) => {
        if (!handled) response.writeHead(404).end()
      })
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('answers a path parameter with broken percent-encoding with 400, not 500', async () => {
    const router = new Router(new Logger('silent'))
    router.on('GET', '/api/documents/:name', (context) => ({ name: context.params.name }))
    const base = await serve(router)
    for (const broken of ['%', '%C3%28', '%E0%A4%A', 'a%ZZ']) {
      const response = await fetch(`${base}/api/documents/${broken}`)
      expect(response.status, broken).toBe(400)
      expect(await response.json()).toMatchObject({ error: 'bad_request' })
    }
    const fine = await fetch(`${base}/api/documents/caf%C3%A9`)
    expect(await fine.json()).toEqual({ name: 'café' })
  })
})
