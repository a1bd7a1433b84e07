import { suggestionRequests } from '../../shared/api/index.ts'
import { isSuggestionId } from '../../shared/suggestions/index.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import type { SuggestionService } from '../suggestions/SuggestionService.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

function suggestionParam(context: RequestContext): string {
  const id = context.params.id ?? ''
  if (!isSuggestionId(id)) throw httpErrors.notFound('No such suggestion')
  return id
}

/**
 * Tracked changes: the suggestions in the text, the decisions taken (who, what, when), decisions as server
 * operations (with first keys waiting for a second under the two-key rule), and the document's suggestion
 * settings.
 */
export function registerSuggestionRoutes(
  router: Router,
  dependencies: ApiDependencies,
  suggestions: SuggestionService,
): void {
  const document = { scope: 'document' } as const

  router.on('GET', '/api/documents/:name/suggestions', document, async (context) =>
    suggestions.open((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('GET', '/api/documents/:name/suggestions/decisions', document, async (context) =>
    suggestions.history((await requireDocumentActor(dependencies, context)).documentName),
  )

  const decide = { ...document, body: suggestionRequests.decide }
  router.on('POST', '/api/documents/:name/suggestions/decisions', decide, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    const { decision, ids, delegation, clauseId } = context.body
    return suggestions.decide(documentName, actor, { ids, delegation, clauseId }, decision)
  })

  router.on('GET', '/api/documents/:name/suggestions/requests', document, async (context) =>
    suggestions.requests((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('DELETE', '/api/documents/:name/suggestions/:id/request', document, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    await suggestions.withdraw(documentName, actor, suggestionParam(context))
    return suggestions.requests(documentName)
  })

  router.on('GET', '/api/documents/:name/authors', document, async (context) =>
    suggestions.authors((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('GET', '/api/documents/:name/suggestion-policy', document, async (context) =>
    suggestions.policy((await requireDocumentActor(dependencies, context)).documentName),
  )

  const policy = { ...document, body: suggestionRequests.policy }
  router.on('PUT', '/api/documents/:name/suggestion-policy', policy, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return suggestions.setPolicy(documentName, actor, context.body)
  })
}
