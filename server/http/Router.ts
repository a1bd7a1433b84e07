import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
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
export type Handler<Body = undefined, Query = undefined> = (
  context: ValidatedContext<Body, Query>,
) => Promise<unknown> | unknown

// --- Route scope and request validation -------------------------------------------------------------------

/**
 * Who may reach a route, declared when it is registered and checked by the router's guard before the handler:
 * - `public`: anyone, signed in or not;
 * - `session`: any credential, even one limited to a document (the handler must honour the limit);
 * - `account`: a credential for the whole account (not limited to one document);
 * - `admin`: like `account`, for administrators;
 * - `document`: a credential for the document named by the route's `:name` segment.
 */
export type RouteScope = 'public' | 'session' | 'account' | 'admin' | 'document'

/** Refuses a request its route's scope does not admit by throwing an HttpError. */
export type RouteGuard = (scope: RouteScope, context: RequestContext) => void | Promise<void>

/** A route's scope, and the schemas its JSON body and query string must match. */
export interface RouteOptions<Body, Query> {
  scope: RouteScope
  body?: z.ZodType<Body>
  query?: z.ZodType<Query>
}

/** The request with its body and query parsed by the route's schemas. */
export interface ValidatedContext<Body, Query> extends RequestContext {
  body: Body
  query: Query
}

/** Parses `value` with `schema`, or a 400 naming the path of the first bad field. */
function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path.map(String).join('.') ?? ''
  throw httpErrors.badRequest(`${path || 'request'}: ${issue?.message ?? 'invalid'}`, path)
}

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  scope: RouteScope
  run: (context: RequestContext) => Promise<unknown>
}

// ------------------------------------------------------------------------------------------------------------

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

  constructor(
    private readonly logger: Logger,
    /** Runs before every handler with the route's scope: the one place access scopes are enforced. */
    private readonly guard: RouteGuard,
  ) {}

  on<Body = undefined, Query = undefined>(
    method: string,
    path: string,
    options: RouteOptions<Body, Query>,
    handler: Handler<Body, Query>,
  ): void {
    const keys: string[] = []
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        keys.push(segment.slice(1))
        return '([^/]+)'
      })
      .join('/')
    const { scope, body, query } = options
    const run = async (context: RequestContext) =>
      handler({
        ...context,
        body: (body ? validate(body, await context.json()) : undefined) as Body,
        query: (query ? validate(query, Object.fromEntries(context.url.searchParams)) : undefined) as Query,
      })
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, scope, run })
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
      await this.guard(route.scope, context)
      const result = await route.run(context)
      if (result !== undefined && !response.headersSent) sendJson(response, 200, result)
    } catch (error) {
      if (error instanceof HttpError) {
        for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value)
        if (!response.headersSent) sendJson(response, error.status, error.toJSON())
      } else {
        this.logger.error('request failed', { method: request.method, path: url.pathname, error })
        if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: 'Internal error' })
        else response.destroy()
      }
    }
    return true
  }
}
