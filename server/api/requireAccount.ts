import type { IncomingMessage } from 'node:http'
import type { Authenticated } from '../auth/Authenticator.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses cross-site state changes: a browser always sends Origin on a POST/PATCH/DELETE, so one that is
 * missing or foreign cannot come from our own pages. Bearer tokens are never sent automatically, so they
 * need no such check.
 */
export function assertSameOrigin(dependencies: ApiDependencies, context: RequestContext): void {
  if (safeMethods.has(context.request.method ?? 'GET')) return
  if (!context.request.headers.origin || !dependencies.authenticator.isOriginAllowed(context.request)) {
    throw httpErrors.forbidden('Cross-site request refused')
  }
}

/**
 * One session lookup per request: the route guard and then the handler both ask who is calling. Keyed by the
 * request itself, so an entry lives exactly as long as its request.
 */
const authenticatedRequests = new WeakMap<IncomingMessage, Promise<Authenticated | null>>()

function authenticateOnce(dependencies: ApiDependencies, request: IncomingMessage) {
  let authenticated = authenticatedRequests.get(request)
  if (!authenticated) {
    authenticated = dependencies.authenticator.authenticate(request)
    authenticatedRequests.set(request, authenticated)
  }
  return authenticated
}

/** The signed-in account for a request, or a 401/403. */
export async function requireAccount(
  dependencies: ApiDependencies,
  context: RequestContext,
  { admin = false }: { admin?: boolean } = {},
): Promise<Authenticated> {
  const authenticated = await authenticateOnce(dependencies, context.request)
  if (!authenticated) throw httpErrors.unauthenticated()
  if (authenticated.via === 'cookie') assertSameOrigin(dependencies, context)
  if (admin && !authenticated.account.isAdmin) throw httpErrors.forbidden('Administrators only')
  return authenticated
}
