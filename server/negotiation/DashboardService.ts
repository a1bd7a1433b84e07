import type { JSONContent } from '@tiptap/core'
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap'
import { diffWords } from 'diff'
import * as Y from 'yjs'
import { decodeAnchorPosition } from '../../shared/comments/anchorPosition.ts'
import type { ThreadView } from '../../shared/comments/index.ts'
import {
  type ClauseEvent,
  type ClauseStatus,
  clauseStateOf,
  clauseStatuses,
  isProtectedStatus,
} from '../../shared/negotiation/clauseStatus.ts'
import type {
  ArticleChange,
  DashboardArea,
  DashboardArticle,
  DashboardView,
  RoundFigures,
} from '../../shared/negotiation/DashboardView.ts'
import { type ArticleFacts, listArticles } from '../../shared/negotiation/listArticles.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { areaIds, documentField } from '../../shared/schema/index.ts'
import type { ThreadStore } from '../comments/ThreadStore.ts'
import type { DocumentCatalog } from '../documents/DocumentCatalog.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { SnapshotStore } from '../snapshots/SnapshotStore.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import type { ClauseEventStore } from './ClauseEventStore.ts'

/** Six months after the memorandum of 8 August 2025, for a charter whose co-chairs set no other date. */
export const charterDefaultDeadline = '2026-02-08'

const dayMs = 86_400_000

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

function docOf(ydoc: Y.Doc): JSONContent {
  return yDocToProsemirrorJSON(ydoc, documentField) as JSONContent
}

function bracketIds(node: JSONContent, into = new Set<string>()): Set<string> {
  if ((node.type === 'bracket' || node.type === 'alternatives') && typeof node.attrs?.id === 'string') {
    into.add(node.attrs.id)
  }
  for (const child of node.content ?? []) bracketIds(child, into)
  return into
}

/** The clause id of the article an inline thread starts in, or null (area threads, orphaned anchors). */
function clauseOfThread(thread: ThreadView, ydoc: Y.Doc): string | null {
  if (!thread.anchor) return null
  const position = decodeAnchorPosition(thread.anchor.start)
  const absolute = position ? Y.createAbsolutePositionFromRelativePosition(position, ydoc) : null
  let type: unknown = absolute?.type ?? null
  while (type instanceof Y.AbstractType) {
    if (type instanceof Y.XmlElement && type.nodeName === 'article') {
      const clauseId = type.getAttribute('clauseId')
      return typeof clauseId === 'string' ? clauseId : null
    }
    type = type._item?.parent ?? null
  }
  return null
}

function statusAt(clauseId: string, events: readonly ClauseEvent[], at: string): ClauseStatus {
  return clauseStateOf(
    clauseId,
    events.filter((event) => event.at <= at),
  ).status
}

function isAgreed(status: ClauseStatus): boolean {
  return isProtectedStatus(status)
}

/** Builds the dashboard of one document (see DashboardView). */
export class DashboardService {
  constructor(
    private readonly documents: DocumentAccess,
    private readonly events: ClauseEventStore,
    private readonly snapshots: SnapshotStore,
    private readonly threads: ThreadStore,
    private readonly catalog: DocumentCatalog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async build(documentName: string): Promise<DashboardView> {
    const record = await this.catalog.find(documentName)
    if (!record) throw httpErrors.notFound('No such document')
    const [threads, events, snapshotList, storedDeadline] = await Promise.all([
      this.threads.listThreads(documentName),
      this.events.list(documentName),
      this.snapshots.listSnapshots(documentName),
      this.catalog.deadlineOf(documentName),
    ])
    const openThreads = threads.filter((thread) => thread.status === 'open')
    const { doc, threadClauses } = await this.documents.read(documentName, (ydoc) => ({
      doc: docOf(ydoc),
      threadClauses: new Map(openThreads.map((thread) => [thread.id, clauseOfThread(thread, ydoc)])),
    }))
    const articles = listArticles(doc).filter(
      (article): article is ArticleFacts & { clauseId: string } => article.clauseId !== null,
    )
    const generatedAt = this.now()

    const rows = new Map<string, DashboardArticle>()
    for (const article of articles) {
      const state = clauseStateOf(article.clauseId, events)
      rows.set(article.clauseId, {
        clauseId: article.clauseId,
        number: article.number,
        status: state.status,
        pending: state.pending ? { to: state.pending.to, delegation: state.pending.delegation } : null,
        openBrackets: article.openBrackets,
        openThreads: 0,
        words: words(article.text),
        opening: article.text.split(/\s+/).slice(0, 12).join(' '),
      })
    }
    for (const clauseId of threadClauses.values()) {
      const row = clauseId ? rows.get(clauseId) : undefined
      if (row) row.openThreads++
    }

    const areas: DashboardArea[] = areaIds.map((area) => {
      const inArea = articles
        .filter((article) => article.area === area)
        .map((article) => rows.get(article.clauseId)!)
      return {
        area,
        articles: inArea,
        agreed: inArea.filter((row) => isAgreed(row.status)).length,
        openBrackets: inArea.reduce((sum, row) => sum + row.openBrackets, 0),
        openThreads: openThreads.filter((thread) => {
          const clauseId = threadClauses.get(thread.id)
          const article = clauseId ? articles.find((candidate) => candidate.clauseId === clauseId) : undefined
          return article ? article.area === area : thread.area === area
        }).length,
      }
    })

    const byStatus = Object.fromEntries(clauseStatuses.map((status) => [status, 0])) as Record<
      ClauseStatus,
      number
    >
    for (const row of rows.values()) byStatus[row.status]++
    const deadline = storedDeadline ?? (documentName === charterDocumentName ? charterDefaultDeadline : null)
    const today = Date.UTC(generatedAt.getUTCFullYear(), generatedAt.getUTCMonth(), generatedAt.getUTCDate())

    const chronological = [...snapshotList].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const lastMeeting =
      [...chronological]
        .reverse()
        .find((snapshot) => snapshot.meetingId !== null && snapshot.kind === 'manual') ??
      [...chronological].reverse().find((snapshot) => snapshot.kind === 'manual') ??
      null

    const rounds: RoundFigures[] = []
    const snapshotDocs = new Map<number, JSONContent>()
    for (const summary of chronological.filter((snapshot) => snapshot.kind === 'manual')) {
      const record = await this.snapshots.findSnapshot(summary.id)
      if (!record) continue
      const ydoc = new Y.Doc()
      Y.applyUpdate(ydoc, record.state)
      const snapshotDoc = docOf(ydoc)
      ydoc.destroy()
      snapshotDocs.set(summary.id, snapshotDoc)
      const roundArticles = listArticles(snapshotDoc)
      rounds.push({
        snapshotId: summary.id,
        name: summary.name,
        at: summary.createdAt,
        articles: roundArticles.length,
        agreedArticles: roundArticles.filter(
          (article) => article.clauseId && isAgreed(statusAt(article.clauseId, events, summary.createdAt)),
        ).length,
        openBrackets: roundArticles.reduce((sum, article) => sum + article.openBrackets, 0),
      })
    }
    rounds.push({
      snapshotId: null,
      name: 'Now',
      at: generatedAt.toISOString(),
      articles: articles.length,
      agreedArticles: [...rows.values()].filter((row) => isAgreed(row.status)).length,
      openBrackets: articles.reduce((sum, article) => sum + article.openBrackets, 0),
    })

    return {
      documentName,
      title: record.title,
      generatedAt: generatedAt.toISOString(),
      deadline,
      daysLeft: deadline === null ? null : Math.round((Date.parse(`${deadline}T00:00:00Z`) - today) / dayMs),
      totals: {
        articles: articles.length,
        agreed: [...rows.values()].filter((row) => isAgreed(row.status)).length,
        byStatus,
        openBrackets: articles.reduce((sum, article) => sum + article.openBrackets, 0),
        openThreads: openThreads.length,
      },
      areas,
      sinceLastMeeting: {
        snapshot: lastMeeting
          ? {
              id: lastMeeting.id,
              name: lastMeeting.name,
              createdAt: lastMeeting.createdAt,
              meetingTitle: lastMeeting.meetingTitle,
            }
          : null,
        articles: lastMeeting
          ? changesSince(articles, snapshotDocs.get(lastMeeting.id) ?? null, events, lastMeeting.createdAt)
          : [],
      },
      rounds,
    }
  }
}

/** Per article: words inserted and deleted, status moves and brackets opened or closed since the snapshot. */
function changesSince(
  articles: readonly (ArticleFacts & { clauseId: string })[],
  snapshotDoc: JSONContent | null,
  events: readonly ClauseEvent[],
  since: string,
): ArticleChange[] {
  if (!snapshotDoc) return []
  const before = new Map(
    listArticles(snapshotDoc)
      .filter((article) => article.clauseId !== null)
      .map((article) => [article.clauseId!, article]),
  )
  const changes: ArticleChange[] = []
  for (const article of articles) {
    const old = before.get(article.clauseId)
    let wordsInserted = 0
    let wordsDeleted = 0
    for (const part of diffWords(old?.text ?? '', article.text)) {
      if (part.added) wordsInserted += words(part.value)
      else if (part.removed) wordsDeleted += words(part.value)
    }
    const oldBrackets = old ? bracketIds(old.node) : new Set<string>()
    const newBrackets = bracketIds(article.node)
    const statusChanges = events
      .filter(
        (event) => event.clauseId === article.clauseId && event.action === 'confirm' && event.at > since,
      )
      .map((event) => ({ from: event.from, to: event.to, at: event.at }))
    const change: ArticleChange = {
      clauseId: article.clauseId,
      number: article.number,
      area: article.area,
      added: !old,
      wordsInserted,
      wordsDeleted,
      statusChanges,
      bracketsOpened: [...newBrackets].filter((id) => !oldBrackets.has(id)).length,
      bracketsClosed: [...oldBrackets].filter((id) => !newBrackets.has(id)).length,
    }
    if (
      change.added ||
      wordsInserted ||
      wordsDeleted ||
      statusChanges.length ||
      change.bracketsOpened ||
      change.bracketsClosed
    ) {
      changes.push(change)
    }
  }
  return changes
}
