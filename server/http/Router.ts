import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../logging/Logger.ts'
import { HttpError, httpErrors } from './HttpError.ts'
import { sendJson } from './sendJson.ts'

export interface RequestContext {
  request: IncomingMessage
  response: ServerResponse
  url: URL
  params: Record<string, string>
  address: string | null
  /** Reads the body as JSON (at most `maxBodyBytes`); only `application/json` is accepted. */
  json(): Promise<Record<string, unknown>>
}

/** A handler returns the JSON body to send with 200, or undefined if it wrote the response itself. */
export type Handler = (context: RequestContext) => Promise<unknown> | unknown

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  handler: Handler
}

const maxBodyBytes = 1024 * 1024
/**
 * An over-size body is still read (and thrown away) up to this much before the 413 goes out: closing a
 * connection with unread data makes the kernel send a reset, which can destroy the 413 before the client
 * reads it (RFC 9112 section 9.6). Past this bound the client is not worth the bandwidth.
 */
const maxDiscardedBytes = 16 * 1024 * 1024
const maxDiscardMs = 5000

function readBody(request: IncomingMessage): Promise<string> {
  const tooLarge = httpErrors.tooLarge(maxBodyBytes)
  const declared = Number(request.headers['content-length'])
  if (declared > maxDiscardedBytes) return Promise.reject(tooLarge)
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = declared > maxBodyBytes ? null : []
    let size = 0
    let discardTimer: NodeJS.Timeout | null = null
    const giveUp = () => {
      if (discardTimer) clearTimeout(discardTimer)
      request.off('data', onData)
      request.pause()
      reject(tooLarge)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (chunks && size > maxBodyBytes) chunks = null
      if (chunks) chunks.push(chunk)
      else if (size > maxDiscardedBytes) giveUp()
      else discardTimer ??= setTimeout(giveUp, maxDiscardMs)
    }
    if (!chunks) discardTimer = setTimeout(giveUp, maxDiscardMs)
    request.on('data', onData)
    request.on('end', () => {
      if (discardTimer) clearTimeout(discardTimer)
      if (chunks) resolve(Buffer.concat(chunks).toString('utf8'))
      else reject(tooLarge)
    })
    request.on('error', (error) => {
      if (discardTimer) clearTimeout(discardTimer)
      reject(error)
    })
  })
}

/** A `:param` path segment, decoded; broken percent-encoding is the client's mistake (400), not ours. */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw httpErrors.badRequest('Path segment has invalid percent-encoding')
  }
}

/** Minimal method + path router with `:param` segments; errors become `{ error, message }` JSON. */
export class Router {
  private readonly routes: Route[] = []

  constructor(private readonly logger: Logger) {}

  on(method: string, path: string, handler: Handler): void {
    const keys: string[] = []
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        keys.push(segment.slice(1))
        return '([^/]+)'
      })
      .join('/')
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler })
  }

  /** Returns false if no route matches the path (the caller then answers 404 or serves files). */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    const matching = this.routes.filter((route) => route.pattern.test(url.pathname))
    if (matching.length === 0) return false
    const route = matching.find((candidate) => candidate.method === request.method)
    try {
      if (!route) throw new HttpError(405, 'method_not_allowed', `${request.method} is not supported here`)
      const match = route.pattern.exec(url.pathname)!
      const params: Record<string, string> = {}
      route.keys.forEach((key, index) => {
        params[key] = decodeParam(match[index + 1] ?? '')
      })
      const context: RequestContext = {
        request,
        response,
        url,
        params,
        address: request.socket.remoteAddress ?? null,
        json: async () => {
          const type = request.headers['content-type'] ?? ''
          if (!type.toLowerCase().startsWith('application/json')) throw httpErrors.unsupportedMediaType()
          const text = await readBody(request)
          let parsed: unknown
          try {
            parsed = text === '' ? {} : JSON.parse(text)
          } catch {
            throw httpErrors.badRequest('Body is not valid JSON')
          }
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw httpErrors.badRequest('Body must be a JSON object')
          }
          return parsed as Record<string, unknown>
        },
      }
      const result = await route.handler(context)
      if (result !== undefined && !response.headersSent) sendJson(response, 200, result)
    } catch (error) {
      if (error instanceof HttpError) {
        for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value)
        if (!response.headersSent)
          sendJson(response, error.status, { error: error.code, message: error.message })
      } else {
        this.logger.error('request failed', { method: request.method, path: url.pathname, error })
        if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: 'Internal error' })
        else response.destroy()
      }
    }
    return true
  }
}
