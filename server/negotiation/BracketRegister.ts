import * as Y from 'yjs'
import { decodeAnchorPosition, documentOfThreads, type ThreadView } from '../../shared/comments/index.ts'
import {
  type AlternativeRecord,
  type BracketActor,
  type BracketRecord,
  bracketsDocumentName,
  bracketsMapName,
  documentOfBrackets,
} from '../../shared/negotiation/index.ts'
import { isProposer } from '../../shared/schema/index.ts'
import type { ThreadStore } from '../comments/ThreadStore.ts'
import type { Logger } from '../logging/Logger.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import type { Room } from '../sync/Room.ts'
import type { RoomObserver } from '../sync/RoomObserver.ts'
import { TransactionOrigin } from '../sync/TransactionOrigin.ts'
import type { BracketRegisterStore } from './BracketRegisterStore.ts'
import { fillClauseIds, needsClauseIds } from './fillClauseIds.ts'
import { type BracketSighting, readBrackets, toSighting } from './readBrackets.ts'

/** Why brackets changed: a client's update, the server's own change (cleaning, restore), or a (re)load. */
export type ReconcileCause = 'client' | 'server' | 'load'

const nobody: BracketActor = { accountId: null, name: null, delegation: null }

function isChannel(documentName: string): boolean {
  return documentOfThreads(documentName) !== null || documentOfBrackets(documentName) !== null
}

function actorOf(origin: TransactionOrigin): BracketActor {
  if (origin.kind !== 'client' || !origin.member.principal) return nobody
  const { userId, name, delegation } = origin.member.principal
  return { accountId: Number(userId), name, delegation }
}

/** The id of the bracket (inline or block) that holds `type`, or null. */
function enclosingBracket(type: Y.AbstractType<unknown> | null): string | null {
  for (let current = type; current; ) {
    if (
      current instanceof Y.XmlElement &&
      (current.nodeName === 'bracket' || current.nodeName === 'alternatives')
    ) {
      const id = current.getAttribute('id') as unknown
      return typeof id === 'string' ? id : null
    }
    const parent: unknown = current._item?.parent
    current = parent instanceof Y.AbstractType ? (parent as Y.AbstractType<unknown>) : null
  }
  return null
}

/** The id of the bracket holding an encoded anchor position, or null. */
function bracketAt(ydoc: Y.Doc, encodedPosition: string): string | null {
  const position = decodeAnchorPosition(encodedPosition)
  if (!position) return null
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc)
  return enclosingBracket((absolute?.type as Y.AbstractType<unknown> | undefined) ?? null)
}

/**
 * The bracket register, kept in step with the canonical document: reconciled after every stored update that
 * touched brackets (the validator reports them, with who wrote the update), after the server's own changes
 * (cleaning, restore) and whenever a document loads (so a restart, or a crash between the document's log and
 * the register, ends with the two agreeing). Every changed record is published to the document's read-only
 * brackets channel. Also gives articles missing clause ids their ids when a document loads.
 * Work on one document runs one task after another (`run`), so the cleaning service shares the queue.
 */
export class BracketRegister implements RoomObserver {
  private readonly queues = new Map<string, Promise<unknown>>()
  /** Brackets the cleaning service is replacing right now: their disappearance is a cleaning. */
  private readonly cleaning = new Set<string>()

  constructor(
    private readonly store: BracketRegisterStore,
    private readonly threads: ThreadStore,
    private readonly documents: DocumentAccess,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(documentName: string): Promise<BracketRecord[]> {
    return this.run(documentName, () => this.store.list(documentName))
  }

  /** Runs `task` after every earlier register task of the document. */
  run<T>(documentName: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(documentName) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(task)
    this.queues.set(documentName, next)
    void next
      .finally(() => {
        if (this.queues.get(documentName) === next) this.queues.delete(documentName)
      })
      .catch(() => {})
    return next
  }

  /** Resolves once every register task of the document queued so far is done. */
  async idle(documentName: string): Promise<void> {
    await (this.queues.get(documentName) ?? Promise.resolve()).catch(() => {})
  }

  /** Marks a bracket as being cleaned while `change` runs: its disappearance then closes it as `cleaned`. */
  async whileCleaning<T>(documentName: string, bracketId: string, change: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([documentName, bracketId])
    this.cleaning.add(key)
    try {
      const result = await change()
      await this.idle(documentName)
      return result
    } finally {
      this.cleaning.delete(key)
    }
  }

  /** Saves records changed outside reconciliation (cleaning requests, links) and publishes them. */
  async save(records: readonly BracketRecord[]): Promise<void> {
    if (records.length === 0) return
    await this.store.save(records)
    await this.publish(records[0]!.documentName, records)
  }

  async loaded(room: Room): Promise<void> {
    const { documentName } = room
    if (isChannel(documentName)) return
    if (needsClauseIds(room.ydoc)) {
      const scratch = new Y.Doc()
      Y.applyUpdate(scratch, room.encodeStateAsUpdate())
      const before = Y.encodeStateVector(scratch)
      const filled = fillClauseIds(scratch)
      const update = Y.encodeStateAsUpdate(scratch, before)
      scratch.destroy()
      await room.submit(update, TransactionOrigin.server)
      this.logger.info('gave articles clause ids', { documentName, articles: filled })
    }
    const sightings = readBrackets(room.ydoc).map(toSighting)
    await this.run(documentName, () =>
      this.reconcile(documentName, sightings, 'load', nobody, room.ydoc, true),
    )
  }

  bracketsChanged(room: Room, brackets: BracketSighting[], origin: TransactionOrigin): void {
    const { documentName, ydoc } = room
    if (isChannel(documentName)) return
    const cause: ReconcileCause = origin.kind === 'client' ? 'client' : 'server'
    const actor = actorOf(origin)
    this.run(documentName, () => this.reconcile(documentName, brackets, cause, actor, ydoc, false)).catch(
      (error: unknown) => this.logger.error('bracket register reconcile failed', { documentName, error }),
    )
  }

  /** A new inline thread anchored inside a bracket is linked to it at once (reconciling links it too, later). */
  threadCreated(thread: ThreadView): void {
    const { documentName, anchor } = thread
    if (thread.kind !== 'inline' || anchor === null || isChannel(documentName)) return
    this.run(documentName, async () => {
      const bracketId = await this.documents.read(documentName, (ydoc) => bracketAt(ydoc, anchor.start))
      if (bracketId === null) return
      const record = await this.store.find(documentName, bracketId)
      if (!record || record.threadIds.includes(thread.id)) return
      const updatedAt = this.now().toISOString()
      await this.save([{ ...record, threadIds: [...record.threadIds, thread.id], updatedAt }])
    }).catch((error: unknown) =>
      this.logger.error('linking a thread to its bracket failed', { documentName, error }),
    )
  }

  /**
   * Brings the register in line with `sightings` (every bracket of the document now): new brackets and
   * alternatives are recorded with `actor` as opener or author, texts refreshed, alternatives no longer there
   * marked removed, and open brackets no longer there closed (why depends on `cause`).
   */
  private async reconcile(
    documentName: string,
    sightings: readonly BracketSighting[],
    cause: ReconcileCause,
    actor: BracketActor,
    ydoc: Y.Doc,
    publishAll: boolean,
  ): Promise<void> {
    const records = await this.store.list(documentName)
    const byId = new Map(records.map((record) => [record.id, record]))
    const at = this.now().toISOString()
    const changed = new Map<string, BracketRecord>()
    const linked = await this.anchoredThreads(documentName, ydoc)
    const seen = new Set<string>()
    for (const sighting of sightings) {
      if (sighting.id === null || seen.has(sighting.id)) continue
      seen.add(sighting.id)
      const existing = byId.get(sighting.id)
      const record: BracketRecord = existing
        ? structuredClone(existing)
        : {
            id: sighting.id,
            documentName,
            kind: sighting.kind,
            openedBy: actor,
            openedAt: at,
            area: sighting.area,
            clauseId: sighting.clauseId,
            alternatives: [],
            threadIds: [],
            state: 'open',
            cleaning: null,
            closedAt: null,
            updatedAt: at,
          }
      record.state = 'open'
      record.closedAt = null
      record.area = sighting.area
      record.clauseId = sighting.clauseId
      const present = new Set<string>()
      for (const alternative of sighting.alternatives) {
        if (alternative.id === null || !isProposer(alternative.proposedBy) || present.has(alternative.id))
          continue
        present.add(alternative.id)
        const known = record.alternatives.find((entry) => entry.id === alternative.id)
        if (known) {
          known.text = alternative.text
          known.proposedBy = alternative.proposedBy
          known.removedAt = null
        } else {
          const added: AlternativeRecord = {
            id: alternative.id,
            proposedBy: alternative.proposedBy,
            authorId: actor.accountId,
            authorName: actor.name,
            text: alternative.text,
            addedAt: at,
            removedAt: null,
          }
          record.alternatives.push(added)
        }
      }
      for (const alternative of record.alternatives)
        if (!present.has(alternative.id) && alternative.removedAt === null) alternative.removedAt = at
      for (const threadId of linked.get(sighting.id) ?? [])
        if (!record.threadIds.includes(threadId)) record.threadIds.push(threadId)
      if (!existing || !sameRecord(existing, record)) changed.set(record.id, { ...record, updatedAt: at })
    }
    for (const record of records) {
      if (record.state !== 'open' || seen.has(record.id)) continue
      const closed = structuredClone(record)
      closed.state = this.closingState(record, cause)
      closed.closedAt = at
      closed.updatedAt = at
      for (const alternative of closed.alternatives) alternative.removedAt ??= at
      changed.set(closed.id, closed)
    }
    const toSave = [...changed.values()]
    if (toSave.length > 0) await this.store.save(toSave)
    if (!publishAll) {
      await this.publish(documentName, toSave)
      return
    }
    const all = new Map(byId)
    for (const record of toSave) all.set(record.id, record)
    await this.publish(documentName, [...all.values()], true)
  }

  private closingState(record: BracketRecord, cause: ReconcileCause): BracketRecord['state'] {
    if (this.cleaning.has(JSON.stringify([record.documentName, record.id]))) return 'cleaned'
    if (cause === 'client') return 'withdrawn'
    if (cause === 'server') return 'removed-by-restore'
    // At load nobody saw it go: a confirmed cleaning interrupted by a crash, else its own side removed it.
    return record.cleaning?.status === 'confirmed' ? 'cleaned' : 'withdrawn'
  }

  /** Inline threads whose anchor starts inside a bracket, by bracket id. */
  private async anchoredThreads(documentName: string, ydoc: Y.Doc): Promise<Map<string, number[]>> {
    const linked = new Map<string, number[]>()
    const threads = (await this.threads.listThreads(documentName)).filter(
      (thread) => thread.kind === 'inline' && thread.anchor !== null,
    )
    if (threads.length === 0 || ydoc.isDestroyed) return linked
    for (const thread of threads) {
      const bracketId = bracketAt(ydoc, thread.anchor!.start)
      if (bracketId === null) continue
      linked.set(bracketId, [...(linked.get(bracketId) ?? []), thread.id])
    }
    return linked
  }

  /**
   * Writes records into the brackets channel. With `onlyDifferent`, first reads the channel and writes only
   * what differs (at load, so a restart does not rewrite every record).
   */
  private async publish(documentName: string, records: readonly BracketRecord[], onlyDifferent = false) {
    if (records.length === 0) return
    const channel = bracketsDocumentName(documentName)
    let toWrite = records
    if (onlyDifferent) {
      const published = await this.documents.read(channel, (ydoc) => ydoc.getMap(bracketsMapName).toJSON())
      toWrite = records.filter((record) => JSON.stringify(published[record.id]) !== JSON.stringify(record))
      if (toWrite.length === 0) return
    }
    await this.documents.change(channel, (ydoc) => {
      const map = ydoc.getMap<BracketRecord>(bracketsMapName)
      for (const record of toWrite) map.set(record.id, record)
    })
  }
}

function sameRecord(a: BracketRecord, b: BracketRecord): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' })
}
