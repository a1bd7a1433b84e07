import { createHash } from 'node:crypto'
import { getSchema, type JSONContent } from '@tiptap/core'
import { updateYFragment, yDocToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { type ThreadView, threadsDocumentName } from '../../shared/comments/index.ts'
import { createI18n } from '../../shared/i18n/createI18n.ts'
import type { Language } from '../../shared/i18n/Language.ts'
import { type ClauseEvent, type ClauseStatus, clauseStateOf } from '../../shared/negotiation/clauseStatus.ts'
import { canManageSnapshots, type Delegation } from '../../shared/roles/index.ts'
import { charterExtensions, documentField } from '../../shared/schema/index.ts'
import {
  type ComparisonView,
  documentEventsMapName,
  type ExportFormat,
  type ExportView,
  type RestoreNotice,
  restoreNoticeKey,
  type SnapshotSummary,
  type SuggestionExportView,
  type VersionRef,
} from '../../shared/snapshots/index.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { type DocumentActor, recordDocumentAction } from '../auth/DocumentActor.ts'
import type { ThreadStore } from '../comments/ThreadStore.ts'
import type { DocumentCatalog } from '../documents/DocumentCatalog.ts'
import type { ExportThread } from '../export/blocks/ExportInput.ts'
import type { AuthorshipEvidence } from '../export/redline/ChangeAttribution.ts'
import type { RedlineInput } from '../export/redline/RedlineInput.ts'
import type { ExportRunner } from '../export/worker/ExportRunner.ts'
import type { RenderedExport } from '../export/worker/renderExport.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { ClauseEventStore } from '../negotiation/ClauseEventStore.ts'
import type { AuthorshipStore } from '../suggestions/AuthorshipStore.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import { encodeIntegratedState } from '../sync/encodeIntegratedState.ts'
import type { MeetingStore } from './MeetingStore.ts'
import type { SnapshotStore } from './SnapshotStore.ts'

/** A version's content, ready for comparison or export. */
interface Version {
  ref: VersionRef
  name: string
  date: string
  contentHash: string
  doc: JSONContent
  /** The encoded Yjs state: redlines attribute changes from it. */
  state: Uint8Array
  threads: ThreadView[]
}

const schema = getSchema(charterExtensions)

/** SHA-256 of the document content: the same text gives the same hash, whatever the edit history. */
export function contentHashOf(doc: JSONContent): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex')
}

function docFromState(state: Uint8Array): JSONContent {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, state)
  const doc = yDocToProsemirrorJSON(ydoc, documentField) as JSONContent
  ydoc.destroy()
  return doc
}

/**
 * Each article's status when `version` was taken, by clause id, open ones left out: for the current draft
 * every event so far, for a snapshot only the events recorded up to its creation, so an old paper copy never
 * claims an agreement reached after it.
 */
function statusesAt(version: Version, events: readonly ClauseEvent[]): Record<string, ClauseStatus> {
  const upTo = version.ref === 'current' ? events : events.filter((event) => event.at <= version.date)
  const byClause = new Map<string, ClauseEvent[]>()
  for (const event of upTo) {
    const list = byClause.get(event.clauseId)
    if (list) list.push(event)
    else byClause.set(event.clauseId, [event])
  }
  // fromEntries defines own properties, so no clause id can reach the object's prototype.
  return Object.fromEntries(
    [...byClause]
      .map(([clauseId, clauseEvents]) => [clauseId, clauseStateOf(clauseId, clauseEvents).status] as const)
      .filter(([, status]) => status !== 'open'),
  )
}

function toExportThreads(threads: readonly ThreadView[]): ExportThread[] {
  return threads.map((thread) => ({
    area: thread.area,
    quote: thread.quote,
    resolved: thread.status === 'resolved',
    comments: thread.comments.map((comment) => ({
      author: comment.authorName,
      delegation: comment.delegation,
      createdAt: comment.createdAt,
      text: comment.text ?? '',
      deleted: comment.deletedAt !== null,
    })),
  }))
}

/** How to export a version: with or without the comment appendix, which view, which label language. */
export interface SnapshotExportOptions {
  includeThreads: boolean
  view?: ExportView
  suggestions?: SuggestionExportView
  /** Only this delegation's suggestions are shown as such. */
  suggestionsBy?: Delegation
  /** Only suggestions made since this snapshot (a round) are shown as such. */
  since?: number
  language?: Language
}

/** Named versions: take (co-chairs), list, compare, restore as a new change (co-chairs), export. */
export class SnapshotService {
  constructor(
    private readonly snapshots: SnapshotStore,
    private readonly meetings: MeetingStore,
    private readonly threads: ThreadStore,
    private readonly catalog: DocumentCatalog,
    private readonly documents: DocumentAccess,
    private readonly exports: ExportRunner,
    private readonly audit: AuditLog,
    private readonly clauseEvents: ClauseEventStore,
    private readonly authorship: AuthorshipStore | null = null,
  ) {}

  list(documentName: string): Promise<SnapshotSummary[]> {
    return this.snapshots.listSnapshots(documentName)
  }

  async take(
    documentName: string,
    actor: DocumentActor,
    request: { name: string; meetingId: number | null },
    kind: 'manual' | 'before-restore' = 'manual',
  ): Promise<SnapshotSummary> {
    this.assertCoChair(actor)
    if (request.meetingId !== null && !(await this.meetings.findMeeting(request.meetingId))) {
      throw httpErrors.badRequest('No such meeting')
    }
    const state = await this.documents.read(documentName, (ydoc) => encodeIntegratedState(ydoc))
    const snapshot = await this.snapshots.createSnapshot({
      documentName,
      name: request.name,
      meetingId: request.meetingId,
      kind,
      state,
      threads: await this.threads.listThreads(documentName),
      contentHash: contentHashOf(docFromState(state)),
      createdBy: actor.account.id,
      createdByName: actor.account.name,
    })
    await recordDocumentAction(this.audit, actor, 'snapshot.taken', documentName, {
      snapshotId: snapshot.id,
      name: snapshot.name,
      kind,
    })
    return snapshot
  }

  async compare(documentName: string, from: VersionRef, to: VersionRef): Promise<ComparisonView> {
    const [before, after] = await Promise.all([
      this.version(documentName, from),
      this.version(documentName, to),
    ])
    const areas = await this.exports.areaChanges(
      before.doc,
      after.doc,
      await this.authorshipEvidence(documentName, before, after),
    )
    return { from: { ref: from, name: before.name }, to: { ref: to, name: after.name }, areas }
  }

  /** The comparison as a redline document (HTML or Word), rendered on the export worker. */
  async redline(
    documentName: string,
    from: VersionRef,
    to: VersionRef,
    format: 'html' | 'docx',
    language: Language = 'en',
  ): Promise<RenderedExport> {
    const [before, after] = await Promise.all([
      this.version(documentName, from),
      this.version(documentName, to),
    ])
    return this.exports.renderRedline(await this.redlineInput(documentName, before, after, language), format)
  }

  /** Brings back a snapshot's text as a new change; a snapshot of the text being replaced is taken first. */
  async restore(documentName: string, snapshotId: number, actor: DocumentActor): Promise<SnapshotSummary> {
    this.assertCoChair(actor)
    const target = await this.snapshots.findSnapshot(snapshotId)
    if (!target || target.documentName !== documentName) throw httpErrors.notFound('No such snapshot')
    const safety = await this.take(
      documentName,
      actor,
      { name: `Before restoring “${target.name}”`, meetingId: null },
      'before-restore',
    )
    const node = schema.nodeFromJSON(docFromState(target.state))
    await this.documents.change(documentName, (ydoc) => {
      // Diffs the old version into the live fragment, so unchanged paragraphs (and anchors in them) survive.
      updateYFragment(ydoc, ydoc.getXmlFragment(documentField), node, {
        mapping: new Map(),
        isOMark: new Map(),
      })
    })
    await recordDocumentAction(this.audit, actor, 'snapshot.restored', documentName, {
      snapshotId,
      safetySnapshotId: safety.id,
    })
    const notice: RestoreNotice = {
      at: new Date().toISOString(),
      byName: actor.account.name,
      snapshotName: target.name,
      beforeRestoreSnapshotId: safety.id,
      beforeRestoreSnapshotName: safety.name,
    }
    await this.documents.change(threadsDocumentName(documentName), (ydoc) => {
      ydoc.getMap(documentEventsMapName).set(restoreNoticeKey, notice)
    })
    return safety
  }

  async export(
    documentName: string,
    ref: VersionRef,
    format: ExportFormat,
    {
      includeThreads,
      view = 'markup',
      suggestions = 'markup',
      suggestionsBy,
      since,
      language = 'en',
    }: SnapshotExportOptions,
  ): Promise<RenderedExport & { filename: string }> {
    const version = await this.version(documentName, ref)
    const title = (await this.catalog.find(documentName))?.title ?? documentName
    const rendered = await this.exports.render(
      {
        doc: version.doc,
        meta: {
          title,
          snapshotName: versionName(version, language),
          date: version.date,
          contentHash: version.contentHash,
          documentName,
          language,
        },
        threads: toExportThreads(version.threads),
        clauseStatuses: statusesAt(version, await this.clauseEvents.list(documentName)),
      },
      format,
      {
        includeThreads,
        view,
        suggestions,
        suggestionFilter: {
          delegation: suggestionsBy ?? null,
          since: await this.roundStart(documentName, since),
        },
      },
    )
    const stamp = version.date.slice(0, 10)
    const label = ref === 'current' ? 'current' : `snapshot-${ref}`
    // A clean copy says so in its name too, so it is never filed as the full markup.
    const suffix = `${view === 'clean' ? '-clean' : ''}${suggestions === 'markup' ? '' : `-${suggestions}`}`
    return { ...rendered, filename: `${documentName}-${label}-${stamp}${suffix}.${rendered.extension}` }
  }

  /** When the round that starts at snapshot `id` began (its time), or null for no round. */
  private async roundStart(documentName: string, id: number | undefined): Promise<string | null> {
    if (id === undefined) return null
    const snapshot = await this.snapshots.findSnapshot(id)
    if (!snapshot || snapshot.documentName !== documentName) throw httpErrors.notFound('No such snapshot')
    return snapshot.createdAt
  }

  private async redlineInput(
    documentName: string,
    before: Version,
    after: Version,
    language: Language,
  ): Promise<RedlineInput> {
    const title = (await this.catalog.find(documentName))?.title ?? documentName
    const metaOf = (version: Version) => ({
      title,
      snapshotName: versionName(version, language),
      date: version.date,
      contentHash: version.contentHash,
      documentName,
      language,
    })
    return {
      baseDoc: before.doc,
      doc: after.doc,
      baseMeta: metaOf(before),
      meta: metaOf(after),
      authorship: await this.authorshipEvidence(documentName, before, after),
    }
  }

  /** What the export worker needs to name the author of each change between two versions. */
  private async authorshipEvidence(
    documentName: string,
    before: Version,
    after: Version,
  ): Promise<AuthorshipEvidence | undefined> {
    if (!this.authorship) return undefined
    return {
      baseState: before.state,
      state: after.state,
      authors: await this.authorship.list(documentName),
      deletions: await this.authorship.listDeletions(documentName),
    }
  }

  private async version(documentName: string, ref: VersionRef): Promise<Version> {
    if (ref === 'current') {
      const state = await this.documents.read(documentName, (ydoc) => encodeIntegratedState(ydoc))
      const doc = docFromState(state)
      return {
        ref,
        name: 'Current draft',
        date: new Date().toISOString(),
        contentHash: contentHashOf(doc),
        doc,
        state,
        threads: await this.threads.listThreads(documentName),
      }
    }
    const snapshot = await this.snapshots.findSnapshot(ref)
    if (!snapshot || snapshot.documentName !== documentName) throw httpErrors.notFound('No such snapshot')
    return {
      ref,
      name: snapshot.name,
      date: snapshot.createdAt,
      contentHash: snapshot.contentHash,
      doc: docFromState(snapshot.state),
      state: snapshot.state,
      threads: snapshot.threads,
    }
  }

  private assertCoChair(actor: DocumentActor): void {
    if (!canManageSnapshots(actor.role))
      throw httpErrors.forbidden('Only co-chairs take and restore snapshots')
  }
}

/** The name printed for a version: the snapshot's own, or "Current draft" in the export's language. */
function versionName(version: Version, language: Language): string {
  return version.ref === 'current' ? createI18n(language).t('export:currentDraft') : version.name
}
