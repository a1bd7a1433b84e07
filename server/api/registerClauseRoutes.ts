import { clauseRequests } from '../../shared/api/clauseRequests.ts'
import { recordDocumentAction } from '../auth/DocumentActor.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import { sendDownload } from '../http/sendDownload.ts'
import type { ClauseStatusService } from '../negotiation/ClauseStatusService.ts'
import type { DashboardService } from '../negotiation/DashboardService.ts'
import { renderStateOfPlay } from '../negotiation/renderStateOfPlay.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

const clauseIdPattern = /^[A-Za-z0-9-]{1,64}$/

function clauseIdParam(context: RequestContext): string {
  const clauseId = context.params.clauseId ?? ''
  if (!clauseIdPattern.test(clauseId)) throw httpErrors.notFound('No such article in this document')
  return clauseId
}

/** Clause status: the overview, the history and its verification, and the co-chairs' keys. */
export function registerClauseRoutes(
  router: Router,
  dependencies: ApiDependencies,
  clauses: ClauseStatusService,
  dashboard: DashboardService,
): void {
  const document = { scope: 'document' } as const

  router.on('GET', '/api/documents/:name/clauses', document, async (context) =>
    clauses.overview((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('GET', '/api/documents/:name/clauses/history', document, async (context) =>
    clauses.history((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('GET', '/api/documents/:name/clauses/verify', document, async (context) =>
    clauses.verify((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('GET', '/api/documents/:name/clauses/:clauseId/history', document, async (context) => {
    const { documentName } = await requireDocumentActor(dependencies, context)
    return clauses.history(documentName, clauseIdParam(context))
  })

  router.on('GET', '/api/documents/:name/dashboard', document, async (context) =>
    dashboard.build((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('GET', '/api/documents/:name/dashboard/state-of-play.pdf', document, async (context) => {
    const { documentName } = await requireDocumentActor(dependencies, context)
    const view = await dashboard.build(documentName)
    const body = await renderStateOfPlay(view)
    const day = view.generatedAt.slice(0, 10)
    sendDownload(
      context.response,
      { body, contentType: 'application/pdf' },
      `${documentName}-state-of-play-${day}.pdf`,
      false,
    )
    return undefined
  })

  const deadline = { ...document, body: clauseRequests.deadline }
  router.on('PUT', '/api/documents/:name/deadline', deadline, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    if (actor.role !== 'co-chair') throw httpErrors.forbidden('Only co-chairs set the deadline')
    await dependencies.catalog.setDeadline(documentName, context.body.deadline)
    await recordDocumentAction(dependencies.audit, actor, 'document.deadline', documentName, {
      deadline: context.body.deadline,
    })
    return { deadline: context.body.deadline }
  })

  const move = { ...document, body: clauseRequests.move }
  router.on('POST', '/api/documents/:name/clauses/:clauseId/status', move, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return clauses.move(documentName, clauseIdParam(context), actor, context.body)
  })

  router.on('DELETE', '/api/documents/:name/clauses/:clauseId/request', document, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return clauses.cancel(documentName, clauseIdParam(context), actor)
  })
}
