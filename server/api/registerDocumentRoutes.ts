import type { DocumentSummary } from '../../shared/api/index.ts'
import { documentOfThreads } from '../../shared/comments/index.ts'
import { isValidDocumentName } from '../../shared/protocol/index.ts'
import { enumField, stringField } from '../http/bodyFields.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { Router } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'

export function registerDocumentRoutes(router: Router, dependencies: ApiDependencies): void {
  const { authenticator, catalog } = dependencies

  router.on('GET', '/api/documents', async (context): Promise<DocumentSummary[]> => {
    const { account } = await requireAccount(dependencies, context)
    const summaries: DocumentSummary[] = []
    for (const document of await catalog.list()) {
      const access = await authenticator.access(account, document.name)
      if (access) summaries.push({ name: document.name, title: document.title, role: access.role })
    }
    return summaries
  })

  router.on('POST', '/api/documents', async (context): Promise<DocumentSummary> => {
    const { account } = await requireAccount(dependencies, context)
    if (account.role !== 'co-chair') throw httpErrors.forbidden('Only co-chairs create documents')
    const body = await context.json()
    const name = stringField(body, 'name', { max: 55 })
    if (!isValidDocumentName(name) || documentOfThreads(name) !== null) {
      throw httpErrors.badRequest('"name" may use a-z, 0-9 and dashes (not ending in --threads)')
    }
    if (await catalog.find(name)) throw httpErrors.conflict('A document with this name exists')
    const visibility = enumField(body, 'visibility', ['everyone', 'delegation'] as const)
    const document = await catalog.ensure({
      name,
      title: stringField(body, 'title', { max: 200 }),
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
    await dependencies.audit.record({
      actorId: account.id,
      actorLogin: account.login,
      action: 'document.created',
      target: name,
      detail: { visibility },
      address: context.address,
    })
    return { name: document.name, title: document.title, role: account.role }
  })

  router.on('GET', '/api/documents/:name', async (context): Promise<DocumentSummary> => {
    const { account } = await requireAccount(dependencies, context)
    const access = await authenticator.access(account, context.params.name ?? '')
    // Invisible and missing look the same, so a delegation-internal document's existence does not leak.
    if (!access) throw httpErrors.notFound('No such document')
    return { name: access.document.name, title: access.document.title, role: access.role }
  })
}
