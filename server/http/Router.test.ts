import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Logger } from '../logging/Logger.ts'
import { httpErrors } from './HttpError.ts'
import { Router, type RouteScope } from './Router.ts'

describe('Router', () => {
  let server: http.Server
  let url: string
  const guarded: RouteScope[] = []
  const handled: string[] = []

  beforeAll(async () => {
    // The guard refuses whatever carries `x-refuse`, as an authorisation check would.
    const router = new Router(new Logger('silent'), (scope, context) => {
      guarded.push(scope)
      if (context.request.headers['x-refuse']) throw httpErrors.forbidden()
    })
    const body = z.object({ item: z.object({ count: z.number().int() }) })
    router.on('POST', '/items/:id', { scope: 'document', body }, (context) => {
      handled.push(context.params.id ?? '')
      return { count: context.body.item.count }
    })
    const query = z.object({ limit: z.coerce.number().int().max(10) })
    router.on('GET', '/items', { scope: 'public', query }, (context) => ({ limit: context.query.limit }))
    server = http.createServer(async (request, response) => {
      if (!(await router.handle(request, response, new URL(request.url ?? '/', 'http://localhost')))) {
        response.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  function post(body: unknown, headers: Record<string, string> = {}, id = '7') {
    return fetch(`${url}/items/${id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  }

  it('runs the guard with the route’s scope before the handler, which a refusal never reaches', async () => {
    const refused = await post({ item: { count: 1 } }, { 'x-refuse': '1' })
    expect(refused.status).toBe(403)
    expect(handled).toEqual([])
    const allowed = await post({ item: { count: 2 } })
    expect(await allowed.json()).toEqual({ count: 2 })
    expect(handled).toEqual(['7'])
    expect(guarded).toEqual(['document', 'document'])
  })

  it('refuses before validating, so an unauthorised caller learns nothing from the schema', async () => {
    expect((await post({ item: { count: 'x' } }, { 'x-refuse': '1' })).status).toBe(403)
  })

  it('answers a bad body or query with 400 naming the path of the bad field', async () => {
    const badBody = await post({ item: { count: 1.5 } })
    expect(badBody.status).toBe(400)
    expect(await badBody.json()).toMatchObject({ error: 'bad_request', path: 'item.count' })
    const badQuery = await fetch(`${url}/items?limit=50`)
    expect(badQuery.status).toBe(400)
    expect(await badQuery.json()).toMatchObject({ error: 'bad_request', path: 'limit' })
    expect(await (await fetch(`${url}/items?limit=5`)).json()).toEqual({ limit: 5 })
  })

  it('answers a path parameter with broken percent-encoding with 400, not 500', async () => {
    for (const broken of ['%', '%C3%28', '%E0%A4%A', 'a%ZZ']) {
      const response = await post({ item: { count: 1 } }, {}, broken)
      expect(response.status, broken).toBe(400)
      expect(await response.json()).toMatchObject({ error: 'bad_request' })
    }
    expect((await post({ item: { count: 3 } }, {}, 'caf%C3%A9')).status).toBe(200)
    expect(handled).toContain('café')
  })
})
