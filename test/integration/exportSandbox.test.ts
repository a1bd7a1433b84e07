import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

/**
 * An inline HTML export is served from our own origin. Opened at the top level (a link copied out of the
 * preview frame) it must not run as our origin: the CSP `sandbox` directive gives it an opaque origin, as the
 * preview frame's `sandbox` attribute does, so nothing in an export can read our cookies-bearing API.
 */
describe('inline HTML exports', () => {
  let server: TestServer
  let reviewer: string

  beforeAll(async () => {
    server = await startTestServer()
    reviewer = (await server.createAccount({ role: 'reviewer' })).token
  })

  afterAll(async () => {
    await server.stop({ removeData: true })
  })

  it('are sandboxed by their Content-Security-Policy, with no form or base targets', async () => {
    const base = `${server.httpUrl}/api/documents/${charterDocumentName}`
    for (const route of [`${base}/export?version=current`, `${base}/redline?from=current&to=current`]) {
      const response = await fetch(`${route}&format=html&inline=1`, {
        headers: { Authorization: `Bearer ${reviewer}` },
      })
      await response.arrayBuffer()
      expect(response.status).toBe(200)
      const directives = (response.headers.get('content-security-policy') ?? '')
        .split(';')
        .map((directive) => directive.trim())
      expect(directives).toContain('sandbox')
      expect(directives).toContain("form-action 'none'")
      expect(directives).toContain("base-uri 'none'")
      expect(directives).toContain("default-src 'none'")
    }
  })
})
