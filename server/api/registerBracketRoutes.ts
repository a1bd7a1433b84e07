import { bracketIdPattern, bracketRequests } from '../../shared/api/index.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import type { BracketRegister } from '../negotiation/BracketRegister.ts'
import type { CleaningService } from '../negotiation/CleaningService.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

function bracketParam(context: RequestContext): string {
  const id = context.params.id ?? ''
  if (!bracketIdPattern.test(id)) throw httpErrors.notFound('No such bracket')
  return id
}

/**
 * The bracket register (read) and cleaning under the two-key rule (request, confirm, decline, cancel), plus
 * explicit links from brackets to comment threads. The register itself changes live over the document's
 * brackets channel; these answers carry the bracket's record as it is after the request.
 */
export function registerBracketRoutes(
  router: Router,
  dependencies: ApiDependencies,
  register: BracketRegister,
  cleaning: CleaningService,
): void {
  const document = { scope: 'document' } as const

  router.on('GET', '/api/documents/:name/brackets', document, async (context) =>
    register.list((await requireDocumentActor(dependencies, context)).documentName),
  )

  const request = { ...document, body: bracketRequests.requestCleaning }
  router.on('POST', '/api/documents/:name/brackets/:id/cleaning', request, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return cleaning.request(documentName, actor, bracketParam(context), context.body.choice)
  })

  for (const answer of ['confirm', 'decline', 'cancel'] as const) {
    router.on('POST', `/api/documents/:name/brackets/:id/cleaning/${answer}`, document, async (context) => {
      const { actor, documentName } = await requireDocumentActor(dependencies, context)
      return cleaning[answer](documentName, actor, bracketParam(context))
    })
  }

  const link = { ...document, body: bracketRequests.linkThread }
  router.on('POST', '/api/documents/:name/brackets/:id/threads', link, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return cleaning.linkThread(documentName, actor, bracketParam(context), context.body.threadId)
  })
}
