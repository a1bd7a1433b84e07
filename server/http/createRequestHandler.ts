import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../logging/Logger.ts'
import type { Metrics } from '../observability/Metrics.ts'
import { HttpError, httpErrors } from './HttpError.ts'
import { parseRequestTarget } from './parseRequestTarget.ts'
import type { Router } from './Router.ts'
import { securityHeaders } from './securityHeaders.ts'
import { sendJson } from './sendJson.ts'
import { serveStatic } from './serveStatic.ts'

export interface RequestHandlerOptions {
  router: Router
  /** The built client, served for GET/HEAD paths outside the API. */
  clientDir: string
  metrics: Metrics
  logger: Logger
}

/**
 * The http server's request listener: security headers, metrics, the API router, then static files. Every
 * request is contained: whatever it throws becomes a logged 500 for that request alone.
 */
export function createRequestHandler(
  options: RequestHandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { router, clientDir, metrics, logger } = options

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestStarted = performance.now()
    response.once('finish', () => {
      metrics.increment('charterdesk_http_requests_total', 'HTTP requests by status', {
        status: String(response.statusCode),
      })
      metrics.observe(
        'charterdesk_http_seconds',
        'HTTP request latency',
        (performance.now() - requestStarted) / 1000,
      )
    })
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value)
    // RFC 9112 section 3.2: an HTTP/1.1 request without Host is a 400.
    if (request.httpVersion === '1.1' && request.headers.host === undefined) {
      throw httpErrors.badRequest('Missing Host header')
    }
    const url = parseRequestTarget(request.url)
    if (await router.handle(request, response, url)) return
    if (url.pathname.startsWith('/api/')) {
      sendJson(response, 404, { error: 'not_found', message: 'No such API route' })
      return
    }
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      serveStatic(clientDir, request, url.pathname, response)
    ) {
      return
    }
    sendJson(response, 404, {
      error: 'not_found',
      message: 'Not found (is the client built? run `npm run build`)',
    })
  }

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!response.headersSent)
          sendJson(response, error.status, { error: error.code, message: error.message })
        return
      }
      // The path only: the query may carry an access token (`?token=`), which must never reach a log.
      const path = request.url?.split('?')[0]?.slice(0, 200)
      logger.error('request failed', { method: request.method, path, error })
      if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: 'Internal error' })
      else response.destroy()
    })
  }
}
