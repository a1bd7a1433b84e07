import { threadRequests } from '../../shared/api/index.ts'
import type { ThreadService } from '../comments/ThreadService.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

function idParam(context: RequestContext, key: string): number {
  const id = Number(context.params[key])
  if (!Number.isSafeInteger(id) || id <= 0) throw httpErrors.notFound()
  return id
}

export function registerThreadRoutes(
  router: Router,
  dependencies: ApiDependencies,
  threads: ThreadService,
): void {
  const document = { scope: 'document' } as const

  router.on('GET', '/api/documents/:name/threads', document, async (context) =>
    threads.list((await requireDocumentActor(dependencies, context)).documentName),
  )

  const create = { ...document, body: threadRequests.create }
  router.on('POST', '/api/documents/:name/threads', create, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    // The service validates the anchor against the document; fields a kind lacks are absent.
    return threads.create(documentName, actor, { area: null, anchor: null, quote: null, ...context.body })
  })

  const reply = { ...document, body: threadRequests.reply }
  router.on('POST', '/api/documents/:name/threads/:id/comments', reply, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.reply(idParam(context, 'id'), documentName, actor, context.body.text)
  })

  router.on('POST', '/api/documents/:name/threads/:id/resolve', document, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.setStatus(idParam(context, 'id'), documentName, actor, 'resolved')
  })

  router.on('POST', '/api/documents/:name/threads/:id/reopen', document, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.setStatus(idParam(context, 'id'), documentName, actor, 'open')
  })

  const edit = { ...document, body: threadRequests.edit }
  router.on('PATCH', '/api/documents/:name/comments/:id', edit, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.edit(idParam(context, 'id'), documentName, actor, context.body.text)
  })

  router.on('DELETE', '/api/documents/:name/comments/:id', document, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.remove(idParam(context, 'id'), documentName, actor)
  })
}
