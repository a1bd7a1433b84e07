import { snapshotRequests } from '../../shared/api/index.ts'
import { type Language, pickLanguage } from '../../shared/i18n/index.ts'
import { canRecordMeetings } from '../../shared/roles/index.ts'
import type { DocumentActor } from '../auth/DocumentActor.ts'
import { recordAccountAction } from '../auth/recordAccountAction.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import { sendDownload } from '../http/sendDownload.ts'
import type { MeetingStore } from '../snapshots/MeetingStore.ts'
import type { SnapshotService } from '../snapshots/SnapshotService.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

export function registerSnapshotRoutes(
  router: Router,
  dependencies: ApiDependencies,
  snapshots: SnapshotService,
  meetings: MeetingStore,
): void {
  const document = { scope: 'document' } as const

  /** Labels in the language asked for; else the person's interface language; else the browser's. */
  async function exportLanguage(
    context: RequestContext,
    actor: DocumentActor,
    asked: Language | undefined,
  ): Promise<Language> {
    if (asked) return asked
    const chosen = await dependencies.accounts.languageOf(actor.account.id)
    return chosen ?? pickLanguage(context.request.headers['accept-language'])
  }

  router.on('GET', '/api/meetings', { scope: 'account' }, async (context) => {
    await requireAccount(dependencies, context)
    return meetings.listMeetings()
  })

  const createMeeting = { scope: 'account', body: snapshotRequests.createMeeting } as const
  router.on('POST', '/api/meetings', createMeeting, async (context) => {
    const { account } = await requireAccount(dependencies, context)
    if (!canRecordMeetings(account.role)) throw httpErrors.forbidden('Only co-chairs record meetings')
    const meeting = await meetings.createMeeting({ ...context.body, createdBy: account.id })
    await recordAccountAction(
      dependencies.audit,
      account,
      'meeting.created',
      meeting.title,
      { meetingId: meeting.id },
      context.address,
    )
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
    const { documentName, actor } = await requireDocumentActor(dependencies, context)
    const { from, to, format, inline, lang } = context.query
    const language = await exportLanguage(context, actor, lang)
    const rendered = await snapshots.redline(documentName, from, to, format, language)
    const filename = `${documentName}-redline.${rendered.extension}`
    sendDownload(context.response, rendered, filename, inline === '1' && format === 'html')
    return undefined
  })

  const exportRoute = { ...document, query: snapshotRequests.exportQuery }
  router.on('GET', '/api/documents/:name/export', exportRoute, async (context) => {
    const { documentName, actor } = await requireDocumentActor(dependencies, context)
    const { version, format, view, suggestions, suggestionsBy, since, threads, inline, lang } = context.query
    const language = await exportLanguage(context, actor, lang)
    const rendered = await snapshots.export(documentName, version, format, {
      includeThreads: threads === '1',
      view,
      suggestions,
      suggestionsBy,
      since,
      language,
    })
    sendDownload(context.response, rendered, rendered.filename, inline === '1' && format === 'html')
    return undefined
  })
}
