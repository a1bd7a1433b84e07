import type { JSONContent } from '@tiptap/core'
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { ClauseRequests } from '../../shared/api/clauseRequests.ts'
import {
  type ChainVerification,
  type ClauseEvent,
  type ClauseOverview,
  type ClauseState,
  type ClauseStatus,
  clauseStateOf,
  nextStatuses,
} from '../../shared/negotiation/clauseStatus.ts'
import { type ArticleFacts, listArticles } from '../../shared/negotiation/listArticles.ts'
import { documentField } from '../../shared/schema/index.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { type DocumentActor, recordDocumentAction } from '../auth/DocumentActor.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { SnapshotStore } from '../snapshots/SnapshotStore.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import { articleTextHash } from './articleTextHash.ts'
import type { ClauseEventStore } from './ClauseEventStore.ts'
import { verifyClauseEvents } from './clauseEventChain.ts'
import type { ProtectedClauses } from './ProtectedClauses.ts'

const statusNames: Record<ClauseStatus, string> = {
  open: 'open',
  agreedAdRef: 'agreed ad referendum',
  agreed: 'agreed',
  initialled: 'initialled',
  reopened: 'reopened',
}

function docOf(ydoc: Y.Doc): JSONContent {
  return yDocToProsemirrorJSON(ydoc, documentField) as JSONContent
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/**
 * Clause status and the two-key rule. Each move (agree ad ref., agree, initial, reopen) needs two keys: a
 * co-chair of one delegation requests it, a co-chair of the other confirms it, and only the confirmation
 * changes the status. Both are events of the document's hash chain. A request is for the article's text as it
 * was then: if the text changed before the confirmation, the confirmation is refused and the request must be
 * made again. Moves on one document are serialised, so two confirmations cannot both apply.
 */
export class ClauseStatusService {
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(
    private readonly events: ClauseEventStore,
    private readonly documents: DocumentAccess,
    private readonly snapshots: SnapshotStore,
    private readonly protection: ProtectedClauses,
    private readonly audit: AuditLog,
  ) {}

  async overview(documentName: string): Promise<ClauseOverview[]> {
    const [doc, events] = await Promise.all([
      this.documents.read(documentName, docOf),
      this.events.list(documentName),
    ])
    return listArticles(doc).flatMap((article) => {
      if (!article.clauseId) return []
      const state = clauseStateOf(article.clauseId, events)
      return [
        {
          clauseId: article.clauseId,
          number: article.number,
          area: article.area,
          status: state.status,
          pending: state.pending,
          changedAt: state.changedAt,
          openBrackets: article.openBrackets,
          words: wordCount(article.text),
        },
      ]
    })
  }

  async history(documentName: string, clauseId?: string): Promise<ClauseEvent[]> {
    const events = await this.events.list(documentName)
    return clauseId ? events.filter((event) => event.clauseId === clauseId) : events
  }

  async verify(documentName: string): Promise<ChainVerification> {
    return verifyClauseEvents(await this.events.list(documentName))
  }

  /** A co-chair's key for moving `clauseId` to `to`: a request, or the confirmation that completes one. */
  move(
    documentName: string,
    clauseId: string,
    actor: DocumentActor,
    body: ClauseRequests['move'],
  ): Promise<ClauseState> {
    return this.serially(documentName, () => this.applyMove(documentName, clauseId, actor, body))
  }

  /** Withdraws the waiting request; only the requesting delegation's co-chairs may. */
  cancel(documentName: string, clauseId: string, actor: DocumentActor): Promise<ClauseState> {
    return this.serially(documentName, async () => {
      this.requireCoChair(actor)
      const article = await this.findArticle(documentName, clauseId)
      const state = clauseStateOf(clauseId, await this.events.list(documentName))
      if (!state.pending) throw httpErrors.conflict('There is no request to withdraw')
      if (state.pending.delegation !== actor.account.delegation) {
        throw httpErrors.forbidden('Only the requesting delegation withdraws its request')
      }
      await this.record(documentName, actor, {
        clauseId,
        action: 'cancel',
        from: state.status,
        to: state.pending.to,
        textHash: articleTextHash(article.node),
        reason: '',
        snapshotId: null,
      })
      return clauseStateOf(clauseId, await this.events.list(documentName))
    })
  }

  private async applyMove(
    documentName: string,
    clauseId: string,
    actor: DocumentActor,
    { to, reason, snapshotId }: ClauseRequests['move'],
  ): Promise<ClauseState> {
    this.requireCoChair(actor)
    const article = await this.findArticle(documentName, clauseId)
    const events = await this.events.list(documentName)
    const state = clauseStateOf(clauseId, events)
    if (!nextStatuses(state.status).includes(to)) {
      throw httpErrors.conflict(
        `Article ${article.number} is ${statusNames[state.status]}; it cannot become ${statusNames[to]}`,
      )
    }
    if (to === 'agreedAdRef' && article.openBrackets > 0) {
      throw httpErrors.conflict(
        `Article ${article.number} still has ${article.openBrackets} open bracket${article.openBrackets === 1 ? '' : 's'}`,
      )
    }
    const textHash = articleTextHash(article.node)
    const pending = state.pending
    const delegation = actor.account.delegation
    const confirms = pending !== null && pending.to === to && pending.delegation !== delegation
    // Initials confirm the snapshot the other delegation named, so the confirmation may leave it out.
    const snapshot = confirms ? (snapshotId ?? pending.snapshotId ?? undefined) : snapshotId
    if (confirms && to === 'initialled' && snapshot !== pending.snapshotId) {
      throw httpErrors.conflict('Initials confirm the snapshot the other delegation named')
    }
    if (to === 'initialled') await this.requireSnapshotText(snapshot, documentName, clauseId, textHash)
    if (pending && pending.delegation === delegation && pending.to === to) {
      throw httpErrors.conflict(`Your delegation already asked; waiting for the other delegation's co-chair`)
    }
    // The request carries the reason; the other delegation's consent needs none.
    if (to === 'reopened' && !confirms && !reason.trim()) {
      throw httpErrors.badRequest('Say why the article is reopened')
    }
    if (confirms && pending.textHash !== textHash) {
      throw httpErrors.conflict(
        `The text of Article ${article.number} changed since the request; the request must be made again`,
      )
    }
    await this.record(documentName, actor, {
      clauseId,
      action: confirms ? 'confirm' : 'request',
      from: state.status,
      to,
      textHash,
      reason: reason.trim(),
      snapshotId: to === 'initialled' ? (snapshot ?? null) : null,
    })
    if (confirms) await this.protection.refresh(documentName)
    return clauseStateOf(clauseId, await this.events.list(documentName))
  }

  private requireCoChair(actor: DocumentActor): void {
    if (actor.role !== 'co-chair')
      throw httpErrors.forbidden('Only co-chairs agree, initial or reopen articles')
  }

  private async findArticle(documentName: string, clauseId: string): Promise<ArticleFacts> {
    const doc = await this.documents.read(documentName, docOf)
    const article = listArticles(doc).find((candidate) => candidate.clauseId === clauseId)
    if (!article) throw httpErrors.notFound('No such article in this document')
    return article
  }

  private async requireSnapshotText(
    snapshotId: number | undefined,
    documentName: string,
    clauseId: string,
    textHash: string,
  ): Promise<void> {
    if (snapshotId === undefined) throw httpErrors.badRequest('Name the snapshot the initials are for')
    const snapshot = await this.snapshots.findSnapshot(snapshotId)
    if (!snapshot || snapshot.documentName !== documentName) throw httpErrors.notFound('No such snapshot')
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, snapshot.state)
    const article = listArticles(docOf(ydoc)).find((candidate) => candidate.clauseId === clauseId)
    ydoc.destroy()
    if (!article || articleTextHash(article.node) !== textHash) {
      throw httpErrors.conflict('The snapshot does not hold this article as it stands; take a new snapshot')
    }
  }

  private async record(
    documentName: string,
    actor: DocumentActor,
    draft: Pick<ClauseEvent, 'clauseId' | 'action' | 'from' | 'to' | 'textHash' | 'reason' | 'snapshotId'>,
  ): Promise<ClauseEvent> {
    const event = await this.events.append(documentName, {
      ...draft,
      accountId: actor.account.id,
      accountName: actor.account.name,
      delegation: actor.account.delegation,
      at: new Date().toISOString(),
    })
    await recordDocumentAction(this.audit, actor, `clause.${draft.action}`, documentName, {
      clauseId: draft.clauseId,
      from: draft.from,
      to: draft.to,
      seq: event.seq,
      reason: draft.reason || undefined,
    })
    return event
  }

  private serially<T>(documentName: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(documentName) ?? Promise.resolve()
    const next = previous.then(work, work)
    const settled = next.catch(() => undefined)
    this.queues.set(documentName, settled)
    void settled.then(() => {
      if (this.queues.get(documentName) === settled) this.queues.delete(documentName)
    })
    return next
  }
}
