import { snapshotRequests } from '../../shared/api/index.ts'
import { canRecordMeetings } from '../../shared/roles/index.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { Router } from '../http/Router.ts'
import type { MeetingStore } from '../snapshots/MeetingStore.ts'
import type { SnapshotService } from '../snapshots/SnapshotService.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

/** Exports shown inside our own page (a sandboxed iframe) get a policy that allows nothing but their styles. */
const inlineExportHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
}

export function registerSnapshotRoutes(
  router: Router,
  dependencies: ApiDependencies,
  snapshots: SnapshotService,
  meetings: MeetingStore,
): void {
  const document = { scope: 'document' } as const

  router.on('GET', '/api/meetings', { scope: 'account' }, async (context) => {
    await requireAccount(dependencies, context)
    return meetings.listMeetings()
  })

  const createMeeting = { scope: 'account', body: snapshotRequests.createMeeting } as const
  router.on('POST', '/api/meetings', createMeeting, async (context) => {
    const { account } = await requireAccount(dependencies, context)
    if (!canRecordMeetings(account.role)) throw httpErrors.forbidden('Only co-chairs record meetings')
    const meeting = await meetings.createMeeting({ ...context.body, createdBy: account.id })
    await dependencies.audit.record({
      actorId: account.id,
      actorLogin: account.login,
      action: 'meeting.created',
      target: meeting.title,
      detail: { meetingId: meeting.id },
      address: context.address,
    })
    return meeting
  })

  router.on('GET', '/api/documents/:name/snapshots', document, async (context) =>
    snapshots.list((await requireDocumentActor(dependencies, context)).documentName),
  )

  const take = { ...document, body: snapshotRequests.takeSnapshot }
  router.on('POST', '/api/documents/:name/snapshots', take, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    return snapshots.take(documentName, actor, context.body)
  })

  router.on('POST', '/api/documents/:name/snapshots/:id/restore', document, async (context) => {
    const { actor, documentName } = await requireDocumentActor(dependencies, context)
    const id = Number(context.params.id)
    if (!Number.isSafeInteger(id)) throw httpErrors.notFound('No such snapshot')
    return snapshots.restore(documentName, id, actor)
  })

  const compare = { ...document, query: snapshotRequests.compareQuery }
  router.on('GET', '/api/documents/:name/compare', compare, async (context) => {
    const { documentName } = await requireDocumentActor(dependencies, context)
    const { from, to } = context.query
    return snapshots.compare(documentName, from, to)
  })

  const redline = { ...document, query: snapshotRequests.redlineQuery }
  router.on('GET', '/api/documents/:name/redline', redline, async (context) => {
    const { documentName } = await requireDocumentActor(dependencies, context)
    const { from, to, format } = context.query
    const rendered = await snapshots.redline(documentName, from, to, format)
    const inline = context.query.inline === '1' && format === 'html'
    context.response.writeHead(200, {
      'Content-Type': rendered.contentType,
      'Content-Length': rendered.body.byteLength,
      'Cache-Control': 'no-store',
      ...(inline
        ? inlineExportHeaders
        : { 'Content-Disposition': `attachment; filename="${documentName}-redline.${rendered.extension}"` }),
    })
    context.response.end(rendered.body)
    return undefined
  })

  const exportRoute = { ...document, query: snapshotRequests.exportQuery }
  router.on('GET', '/api/documents/:name/export', exportRoute, async (context) => {
    const { documentName } = await requireDocumentActor(dependencies, context)
    const { version, format, threads, inline: inlineFlag } = context.query
    const rendered = await snapshots.export(documentName, version, format, threads === '1')
    const inline = inlineFlag === '1' && format === 'html'
    context.response.writeHead(200, {
      'Content-Type': rendered.contentType,
      'Content-Length': rendered.body.byteLength,
      'Cache-Control': 'no-store',
      ...(inline
        ? inlineExportHeaders
        : { 'Content-Disposition': `attachment; filename="${rendered.filename}"` }),
    })
    context.response.end(rendered.body)
    return undefined
  })
}
