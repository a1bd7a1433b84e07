import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { Logger } from '../logging/Logger.ts'
import { Metrics } from '../observability/Metrics.ts'
import { createRequestHandler } from './createRequestHandler.ts'
import { createUpgradeHandler } from './createUpgradeHandler.ts'
import type { Router } from './Router.ts'

/**
 * Scripts and WebSocket clients may pass their access token as `?token=`; an unexpected failure is logged with
 * its target, and a log line must never carry a usable credential.
 */
describe('a failed request or upgrade is logged without its query string', () => {
  const lines: string[] = []
  let server: http.Server
  let base: string

  beforeAll(async () => {
    const logger = new Logger('debug', {}, (line) => lines.push(line))
    const failing = new Error('unexpected')
    const router = {
      handle: async () => {
        throw failing
      },
    } as unknown as Router
    server = http.createServer(
      createRequestHandler({ router, clientDir: '/nonexistent', metrics: new Metrics(), logger }),
    )
    server.on(
      'upgrade',
      createUpgradeHandler(
        {
          handleUpgrade: () => {
            throw failing
          },
        },
        logger,
      ),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('over HTTP', async () => {
    const response = await fetch(`${base}/api/documents?token=secret-http-token`)
    expect(response.status).toBe(500)
    await response.text()
    const logged = lines.join('')
    expect(logged).toContain('request failed')
    expect(logged).toContain('/api/documents')
    expect(logged).not.toContain('secret-http-token')
  })

  it('on a WebSocket upgrade', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/collab/charter?token=secret-ws-token`)
    await new Promise((resolve) => socket.once('error', resolve))
    const logged = lines.join('')
    expect(logged).toContain('upgrade failed')
    expect(logged).toContain('/collab/charter')
    expect(logged).not.toContain('secret-ws-token')
  })
})
