import { type ExportFormat, exportFormats, type VersionRef } from '../../shared/snapshots/index.ts'
import { enumField, optionalStringField, stringField } from '../http/bodyFields.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import type { SnapshotService } from '../snapshots/SnapshotService.ts'
import type { SnapshotStore } from '../snapshots/SnapshotStore.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

/** Exports shown inside our own page (a sandboxed iframe) get a policy that allows nothing but their styles. */
const inlineExportHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
}

function versionParam(context: RequestContext, key: string): VersionRef {
  const value = context.url.searchParams.get(key) ?? 'current'
  if (value === 'current') return 'current'
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0)
    throw httpErrors.badRequest(`"${key}" must be "current" or a snapshot id`)
  return id
}

function names(value: unknown, field: string): string[] {
  if (value === undefined) return []
  if (
    !Array.isArray(value) ||
    value.some((entry) => typeof entry !== 'string' || entry.length > 120) ||
    value.length > 50
  ) {
    throw httpErrors.badRequest(`"${field}" must be a list of names`)
  }
  return (value as string[]).map((entry) => entry.trim()).filter(Boolean)
}

export function registerSnapshotRoutes(
  router: Router,
  dependencies: ApiDependencies,
  snapshots: SnapshotService,
  store: SnapshotStore,
): void {
  router.on('GET', '/api/meetings', (context) => {
    requireAccount(dependencies, context)
    return store.listMeetings()
  })

  router.on('POST', '/api/meetings', async (context) => {
    const { account } = requireAccount(dependencies, context)
    if (account.role !== 'co-chair') throw httpErrors.forbidden('Only co-chairs record meetings')
    const body = await context.json()
    const date = stringField(body, 'date', { max: 10 })
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
      throw httpErrors.badRequest('"date" must be YYYY-MM-DD')
    }
    const participants = (body.participants ?? {}) as Record<string, unknown>
    const meeting = store.createMeeting({
      title: stringField(body, 'title', { max: 200 }),
      date,
      format: enumField(body, 'format', ['online', 'in-person'] as const),
      place: optionalStringField(body, 'place', { max: 200 }),
      participants: {
        AZ: names(participants.AZ, 'participants.AZ'),
        US: names(participants.US, 'participants.US'),
      },
      notes: optionalStringField(body, 'notes', { max: 10_000 }) ?? '',
      createdBy: account.id,
    })
    dependencies.audit.record({
      actorId: account.id,
      actorLogin: account.login,
      action: 'meeting.created',
      target: meeting.title,
      detail: { meetingId: meeting.id },
      address: context.address,
    })
    return meeting
  })

  router.on('GET', '/api/documents/:name/snapshots', (context) =>
    snapshots.list(requireDocumentActor(dependencies, context).documentName),
  )

  router.on('POST', '/api/documents/:name/snapshots', async (context) => {
    const { actor, documentName } = requireDocumentActor(dependencies, context)
    const body = await context.json()
    const meetingId = body.meetingId === undefined || body.meetingId === null ? null : Number(body.meetingId)
    if (meetingId !== null && !Number.isSafeInteger(meetingId))
      throw httpErrors.badRequest('"meetingId" must be an id')
    return snapshots.take(documentName, actor, { name: stringField(body, 'name', { max: 200 }), meetingId })
  })

  router.on('POST', '/api/documents/:name/snapshots/:id/restore', (context) => {
    const { actor, documentName } = requireDocumentActor(dependencies, context)
    const id = Number(context.params.id)
    if (!Number.isSafeInteger(id)) throw httpErrors.notFound('No such snapshot')
    return snapshots.restore(documentName, id, actor)
  })

  router.on('GET', '/api/documents/:name/compare', async (context) => {
    const { documentName } = requireDocumentActor(dependencies, context)
    return snapshots.compare(documentName, versionParam(context, 'from'), versionParam(context, 'to'))
  })

  router.on('GET', '/api/documents/:name/redline', async (context) => {
    const { documentName } = requireDocumentActor(dependencies, context)
    const format = context.url.searchParams.get('format') === 'docx' ? 'docx' : 'html'
    const rendered = await snapshots.redline(
      documentName,
      versionParam(context, 'from'),
      versionParam(context, 'to'),
      format,
    )
    const inline = context.url.searchParams.get('inline') === '1' && format === 'html'
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

  router.on('GET', '/api/documents/:name/export', async (context) => {
    const { documentName } = requireDocumentActor(dependencies, context)
    const formatValue = context.url.searchParams.get('format') ?? 'html'
    const format = exportFormats.find((candidate) => candidate === formatValue)
    if (!format) throw httpErrors.badRequest(`"format" must be one of ${exportFormats.join(', ')}`)
    const rendered = await snapshots.export(
      documentName,
      versionParam(context, 'version'),
      format as ExportFormat,
      context.url.searchParams.get('threads') === '1',
    )
    const inline = context.url.searchParams.get('inline') === '1' && format === 'html'
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
