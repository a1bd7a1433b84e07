import { type DocumentSummary, documentRequests, type PersonView } from '../../shared/api/index.ts'
import { canCreateDocuments } from '../../shared/roles/index.ts'
import { recordAccountAction } from '../auth/recordAccountAction.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { Router } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { generateDocumentName } from './generateDocumentName.ts'
import { requireAccount } from './requireAccount.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

export function registerDocumentRoutes(router: Router, dependencies: ApiDependencies): void {
  const { authenticator, catalog } = dependencies

  // Open to tokens limited to one document, which see only that one.
  router.on('GET', '/api/documents', { scope: 'session' }, async (context): Promise<DocumentSummary[]> => {
    const { account, session } = await requireAccount(dependencies, context)
    const summaries: DocumentSummary[] = []
    for (const document of await catalog.list()) {
      if (session.documentName !== null && session.documentName !== document.name) continue
      const access = await authenticator.access(account, document.name)
      if (access) summaries.push({ name: document.name, title: document.title, role: access.role })
    }
    return summaries
  })

  const create = { scope: 'account', body: documentRequests.create } as const
  router.on('POST', '/api/documents', create, async (context): Promise<DocumentSummary> => {
    const { account } = await requireAccount(dependencies, context)
    if (!canCreateDocuments(account.role)) throw httpErrors.forbidden('Only co-chairs create documents')
    const { title, visibility } = context.body
    let name = generateDocumentName(title)
    while (await catalog.find(name)) name = generateDocumentName(title)
    const document = await catalog.ensure({
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
    await recordAccountAction(
      dependencies.audit,
      account,
      'document.created',
      name,
      { visibility },
      context.address,
    )
    return { name: document.name, title: document.title, role: account.role }
  })

  router.on(
    'GET',
    '/api/documents/:name',
    { scope: 'document' },
    async (context): Promise<DocumentSummary> => {
      const { account } = await requireAccount(dependencies, context)
      const access = await authenticator.access(account, context.params.name ?? '')
      // Invisible and missing look the same, so a delegation-internal document's existence does not leak.
      if (!access) throw httpErrors.notFound('No such document')
      return { name: access.document.name, title: access.document.title, role: access.role }
    },
  )

  // Whom a comment can @mention: everyone who can open the document (disabled accounts cannot).
  router.on(
    'GET',
    '/api/documents/:name/people',
    { scope: 'document' },
    async (context): Promise<PersonView[]> => {
      const { documentName } = await requireDocumentActor(dependencies, context)
      const people: PersonView[] = []
      for (const account of await dependencies.accounts.listAccounts()) {
        if (account.disabled) continue
        const access = await authenticator.access(account, documentName)
        if (!access) continue
        const { id, name, login, delegation } = account
        people.push({ id, name, login, delegation, role: access.role })
      }
      return people
    },
  )
}
