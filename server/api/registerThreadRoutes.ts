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
  /** The caller and their role in the document named in the path; 404 if they cannot see it. */

  router.on('GET', '/api/documents/:name/threads', async (context) =>
    threads.list((await requireDocumentActor(dependencies, context)).documentName),
  )

  router.on('POST', '/api/documents/:name/threads', async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    const body = await context.json()
    return threads.create(documentName, actor, {
      kind: body.kind,
      area: body.area,
      anchor: body.anchor,
      quote: body.quote,
      text: body.text,
    })
  })

  router.on('POST', '/api/documents/:name/threads/:id/comments', async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.reply(idParam(context, 'id'), documentName, actor, (await context.json()).text)
  })

  router.on('POST', '/api/documents/:name/threads/:id/resolve', async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.setStatus(idParam(context, 'id'), documentName, actor, 'resolved')
  })

  router.on('POST', '/api/documents/:name/threads/:id/reopen', async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.setStatus(idParam(context, 'id'), documentName, actor, 'open')
  })

  router.on('PATCH', '/api/documents/:name/comments/:id', async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.edit(idParam(context, 'id'), documentName, actor, (await context.json()).text)
  })

  router.on('DELETE', '/api/documents/:name/comments/:id', async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return threads.remove(idParam(context, 'id'), documentName, actor)
  })
}
