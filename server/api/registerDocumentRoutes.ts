import type { DocumentSummary } from '../../shared/api/index.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { Router } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'

export function registerDocumentRoutes(router: Router, dependencies: ApiDependencies): void {
  const { authenticator, catalog } = dependencies

  router.on('GET', '/api/documents', (context): DocumentSummary[] => {
    const { account } = requireAccount(dependencies, context)
    return catalog.list().flatMap((document) => {
      const access = authenticator.access(account, document.name)
      return access ? [{ name: document.name, title: document.title, role: access.role }] : []
    })
  })

  router.on('GET', '/api/documents/:name', (context): DocumentSummary => {
    const { account } = requireAccount(dependencies, context)
    const access = authenticator.access(account, context.params.name ?? '')
    // Invisible and missing look the same, so a delegation-internal document's existence does not leak.
    if (!access) throw httpErrors.notFound('No such document')
    return { name: access.document.name, title: access.document.title, role: access.role }
  })
}
