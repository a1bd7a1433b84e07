import { type DocumentSummary, documentRequests } from '../../shared/api/index.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { Router } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { generateDocumentName } from './generateDocumentName.ts'
import { requireAccount } from './requireAccount.ts'

export function registerDocumentRoutes(router: Router, dependencies: ApiDependencies): void {
  const { authenticator, catalog } = dependencies

  // Open to tokens limited to one document, which see only that one.
  router.on('GET', '/api/documents', { scope: 'session' }, (context): DocumentSummary[] => {
    const { account, session } = requireAccount(dependencies, context)
    return catalog.list().flatMap((document) => {
      if (session.documentName !== null && session.documentName !== document.name) return []
      const access = authenticator.access(account, document.name)
      return access ? [{ name: document.name, title: document.title, role: access.role }] : []
    })
  })

  const create = { scope: 'account', body: documentRequests.create } as const
  router.on('POST', '/api/documents', create, (context): DocumentSummary => {
    const { account } = requireAccount(dependencies, context)
    if (account.role !== 'co-chair') throw httpErrors.forbidden('Only co-chairs create documents')
    const { title, visibility } = context.body
    let name = generateDocumentName(title)
    while (catalog.find(name)) name = generateDocumentName(title)
    const document = catalog.ensure({
      name,
      title,
      position: 20,
      access: [
        {
          subject:
            visibility === 'everyone'
              ? { kind: 'everyone' }
              : { kind: 'delegation', delegation: account.delegation },
          maxRole: 'co-chair',
        },
      ],
    })
    dependencies.audit.record({
      actorId: account.id,
      actorLogin: account.login,
      action: 'document.created',
      target: name,
      detail: { visibility },
      address: context.address,
    })
    return { name: document.name, title: document.title, role: account.role }
  })

  router.on('GET', '/api/documents/:name', { scope: 'document' }, (context): DocumentSummary => {
    const { account } = requireAccount(dependencies, context)
    const access = authenticator.access(account, context.params.name ?? '')
    // Invisible and missing look the same, so a delegation-internal document's existence does not leak.
    if (!access) throw httpErrors.notFound('No such document')
    return { name: access.document.name, title: access.document.title, role: access.role }
  })
}
