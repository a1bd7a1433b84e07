import type { DocumentActor } from '../auth/DocumentActor.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'

/** The caller and their role in the document named by the `:name` path segment; 404 if they cannot see it. */
export async function requireDocumentActor(
  dependencies: ApiDependencies,
  context: RequestContext,
): Promise<{ actor: DocumentActor; documentName: string }> {
  const { account, session } = await requireAccount(dependencies, context)
  const documentName = context.params.name ?? ''
  // The route guard already refused this; checked again because a wrongly scoped route must not widen a token.
  if (session.documentName !== null && session.documentName !== documentName) {
    throw httpErrors.forbidden('This token is limited to one document')
  }
  const access = await dependencies.authenticator.access(account, documentName)
  if (!access) throw httpErrors.notFound('No such document')
  return { actor: { account, role: access.role, address: context.address }, documentName }
}
