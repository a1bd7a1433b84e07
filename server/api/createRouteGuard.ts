import { httpErrors } from '../http/HttpError.ts'
import type { RouteGuard } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { assertSameOrigin, requireAccount } from './requireAccount.ts'

/**
 * Checks every API request against the scope its route declared, before the handler runs, so a route cannot
 * forget it: who must be signed in, who must be an administrator, and what a token limited to one document may
 * reach (that document's routes, and the few `session` routes that honour the limit themselves).
 */
export function createRouteGuard(dependencies: ApiDependencies): RouteGuard {
  return async (scope, context) => {
    if (scope === 'public') {
      assertSameOrigin(dependencies, context)
      return
    }
    const { session } = await requireAccount(dependencies, context, { admin: scope === 'admin' })
    if (session.documentName === null || scope === 'session') return
    if (scope === 'document' && context.params.name === session.documentName) return
    throw httpErrors.forbidden('This token is limited to one document')
  }
}
