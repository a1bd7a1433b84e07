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
  const { account } = await requireAccount(dependencies, context)
  const documentName = context.params.name ?? ''
  const access = await dependencies.authenticator.access(account, documentName)
  if (!access) throw httpErrors.notFound('No such document')
  return { actor: { account, role: access.role, address: context.address }, documentName }
}
