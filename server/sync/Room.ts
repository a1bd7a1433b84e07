import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  type AwarenessEntry,
  CloseCode,
  decodeAwarenessEntries,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeUpdate,
  ProtocolError,
} from '../../shared/protocol/index.ts'
import type { Logger } from '../logging/Logger.ts'
import type { BracketSighting } from '../negotiation/readBrackets.ts'
import type { DocumentStore, StoredUpdate } from '../persistence/DocumentStore.ts'
import type { ClientIdClaims } from './ClientIdClaims.ts'
import { encodeIntegratedState } from './encodeIntegratedState.ts'
import { encodeStorableState } from './encodeStorableState.ts'
import { hasPendingContent } from './hasPendingContent.ts'
import type { RoomMember } from './RoomMember.ts'
import type { RoomObserver } from './RoomObserver.ts'
import type { RoomReplica } from './RoomReplica.ts'
import { TransactionOrigin } from './TransactionOrigin.ts'
import type { UpdateValidator, Verdict, WrittenBy } from './validation/UpdateValidator.ts'
import type { Writer } from './validation/Writer.ts'

interface PendingUpdate {
  update: Uint8Array
  origin: TransactionOrigin
  resolve: () => void
  reject: (error: unknown) => void
  /** Set by validation for a large update: apply it by these slices, one per event-loop turn. */
  slices?: Uint8Array[] | null
  /** Set by validation when the update touched brackets: every bracket after it. */
  brackets?: BracketSighting[] | null
  /** Set by validation: the client ids it wrote new content with and the text it deleted. */
  written?: WrittenBy | null
  /** Set once its new client ids are claimed: settles when that record is durable. */
  claimRecorded?: Promise<void>
}

/** The bracket rules' view of a client: its session's delegation and whether it is a co-chair. */
function writerOf(origin: TransactionOrigin): Writer | null {
  if (origin.kind !== 'client') return null
  const principal = origin.member.principal
  return {
    delegation: principal?.delegation ?? null,
    coChair: principal?.role === 'co-chair',
    accountId: principal?.userId ?? null,
    name: principal?.name ?? null,
    mustSuggest: principal?.textAccess === 'suggest',
  }
}

/** Awareness client ids one connection may introduce (see publishAwareness). */
export const maxAwarenessIdsPerMember = 4

/** The state vector of a client that has nothing: no clients (a single varuint 0). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export interface RoomOptions {
  store: DocumentStore
  logger: Logger
  /** Compact once at least this many updates were appended since the last compaction (and see below). */
  compactAfterUpdates: number
  /**
   * Minimum time between two compactions of one room, in ms; the effective gap also grows with how long
   * the last compaction took, so compaction never costs more than a small share of the room's time even
   * on a large document that receives a steady stream of updates. Default 2000.
   */
  minCompactionIntervalMs?: number
  /** State for a document that has never been stored; null leaves it empty. */
  createInitialState?: () => Uint8Array | null
  /**
   * Checks updates before they are stored (see UpdateValidator); `readState` encodes the room's live state.
   * Without it every update is stored as it comes: for unit tests of the room's own ordering only.
   */
  createValidator?: (readState: () => Uint8Array) => UpdateValidator
  /** Told when the room has loaded and when an applied update touched brackets (see RoomObserver). */
  observer?: RoomObserver
  /**
   * Set when other instances share the store (scale-out): the room announces what it commits and applies what
   * they commit strictly in log order, repairing gaps from the store. Without it the room is the only writer.
   */
  replica?: RoomReplica
  /**
   * Records which account writes with each Yjs client id before a client's update is stored, and refuses
   * (4403) an update that writes new content as another account's client id.
   */
  authorship?: ClientIdClaims
}

/** A gap in the sequence is repaired from the store if the missing message has not arrived by then. */
const gapGraceMs = 150

/** Stands in for the instance that introduced an awareness client id: no local member may take it over. */
const remoteMember: RoomMember = { send: () => {} }

/** A compaction may take at most this share of wall time: the next one waits this many times its duration. */
const compactionBackoffFactor = 20

/**
 * One loaded document: its Y.Doc, its members and their awareness. Client updates are appended to the store in a
 * committed transaction before they are applied and broadcast; updates arriving in the same event-loop
 * turn share one transaction (group commit), are applied in one Y.js transaction and so go out as one
 * merged update message per member.
 */
export class Room {
  /** Read it freely; change it only through `submit`, so every change is stored first. */
  /**
   * A guid of our own: the default is a uuid drawn from 31 calls to WebCrypto, which was ~1 ms of every
   * document open (the guid only names subdocuments, which the charter has none of).
   */
  readonly ydoc = new Y.Doc({ guid: 'charter-desk-room' })
  private readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  private readonly members = new Set<RoomMember>()
  /** Which member published each awareness client id. */
  private readonly awarenessOwners = new Map<number, RoomMember>()
  private pending: PendingUpdate[] = []
  private flushScheduled = false
  /** Store writes run one after another, in submission order. */
  private work: Promise<void> = Promise.resolve()
  /**
   * The sequence number through which every update of the log is applied here (the log is gap-free per
   * document, so this is a watermark). With other writers (a replica) updates may also be applied ahead of it:
   our own commits at once (`appliedAhead`), remote ones once their predecessors are in (`remoteAhead`).
   */
  private lastSeq = 0
  private readonly appliedAhead = new Set<number>()
  private readonly remoteAhead = new Map<number, Uint8Array>()
  private repairTimer: NodeJS.Timeout | null = null
  /** Approximate size of the document's log: what was loaded plus what was appended since. */
  private bytesStored = 0
  private updatesSinceCompaction = 0
  private nextCompactionAt = 0
  /**
   * Origins (connections) one of whose updates failed to store: their later updates are refused too, so
   * what is stored from one connection is always a prefix of what it sent. The connection closes anyway.
   */
  private readonly failedOrigins = new WeakSet<TransactionOrigin>()
  private destroyed = false
  private readonly validator: UpdateValidator | null
  /** The whole document encoded as one update, until the next change; see encodeStateAsUpdate. */
  private fullState: Uint8Array | null = null
  private readonly forgetFullState = (): void => {
    this.fullState = null
  }

  private constructor(
    readonly documentName: string,
    private readonly options: RoomOptions,
  ) {
    this.validator =
      options.createValidator?.(() => encodeStorableState(this.ydoc) ?? encodeIntegratedState(this.ydoc)) ??
      null
    this.awareness.setLocalState(null)
    this.ydoc.on('update', this.forgetFullState)
    this.ydoc.on('update', this.broadcastUpdate)
    this.awareness.on('update', this.broadcastAwareness)
  }

  static async load(documentName: string, options: RoomOptions): Promise<Room> {
    // With a replica the caller watches the document's channel before this read, so nothing is missed between.
    const room = new Room(documentName, options)
    let stored = await options.store.load(documentName)
    if (stored.updates.length === 0 && options.createInitialState) {
      // The store seeds atomically: when instances load a new document at once, exactly one template is
      // stored and every instance applies that one (two templates would duplicate the text).
      const initial = options.createInitialState()
      if (initial) stored = await options.store.seed(documentName, initial)
    }
    room.lastSeq = stored.lastSeq
    for (const update of stored.updates) room.bytesStored += update.byteLength
    room.updatesSinceCompaction = stored.updates.length > 1 ? stored.updates.length : 0
    Y.transact(
      room.ydoc,
      () => {
        for (const update of stored.updates) {
          try {
            Y.applyUpdate(room.ydoc, update, TransactionOrigin.store)
          } catch (error) {
            // Validation keeps such updates out of the log; should one get in anyway, the document must still
            // open: skip it and say so, rather than refusing the whole document forever.
            options.logger.error('skipped a stored update that cannot be applied', { documentName, error })
          }
        }
      },
      TransactionOrigin.store,
    )
    if (options.observer) {
      try {
        await options.observer.loaded(room)
      } catch (error) {
        options.logger.error('room observer failed after load', { documentName, error })
      }
    }
    return room
  }

  get memberCount(): number {
    return this.members.size
  }

  /** Adds a member: from now on it receives every change and awareness update. */
  join(member: RoomMember): void {
    this.members.add(member)
  }

  /** Removes a member and the awareness states it published (everyone sees its cursor go). */
  leave(member: RoomMember): void {
    this.members.delete(member)
    const clientIds: number[] = []
    for (const [clientId, owner] of this.awarenessOwners) if (owner === member) clientIds.push(clientId)
    if (clientIds.length === 0) return
    for (const clientId of clientIds) this.awarenessOwners.delete(clientId)
    awarenessProtocol.removeAwarenessStates(this.awareness, clientIds, member)
  }

  /**
   * Applies a member's awareness entries. A member may only publish client ids it introduced, so it cannot
   * remove or rewrite someone else's presence: entries for ids another member owns are dropped.
   */
  publishAwareness(member: RoomMember, entries: readonly AwarenessEntry[]): void {
    let owned = 0
    for (const owner of this.awarenessOwners.values()) if (owner === member) owned++
    const accepted = entries.filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientId)
      if (owner === member) return true
      // A stock client publishes one id (its Y.Doc's); a few leave room for a client that re-creates its
      // document. More would let one connection flood everyone's presence list, or squat ids of people away.
      if (owner !== undefined || owned >= maxAwarenessIdsPerMember) return false
      owned++
      this.awarenessOwners.set(entry.clientId, member)
      return true
    })
    if (accepted.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), member)
  }

  get hasAwareness(): boolean {
    return this.awareness.getStates().size > 0
  }

  /** An awareness frame with everyone's current state. */
  encodeAwarenessFrame(): Uint8Array {
    const clientIds = [...this.awareness.getStates().keys()]
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds))
  }

  /**
   * Updates another instance committed, the first at `firstSeq`. Applied in log order once everything before
   * them is here; a gap that the bus does not fill soon is read from the store.
   */
  receiveRemote(firstSeq: number, updates: readonly Uint8Array[]): void {
    if (this.destroyed || !this.options.replica) return
    updates.forEach((update, index) => {
      const seq = firstSeq + index
      if (seq > this.lastSeq && !this.appliedAhead.has(seq)) this.remoteAhead.set(seq, update)
    })
    this.work = this.work.then(this.applyRemoteInOrder)
  }

  /** Another instance's awareness update: shown to our members, never published again. */
  receiveRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return
    try {
      for (const { clientId } of decodeAwarenessEntries(update)) {
        if (!this.awarenessOwners.has(clientId)) this.awarenessOwners.set(clientId, remoteMember)
      }
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, TransactionOrigin.remote)
    } catch (error) {
      this.options.logger.warn('dropped a remote awareness update', {
        documentName: this.documentName,
        error,
      })
    }
  }

  /**
   * Reads from the store whatever was committed after what this room has applied and applies it: after a gap,
   * after the bus was interrupted and periodically, so even a silently lost message is caught.
   */
  catchUp(): Promise<void> {
    this.work = this.work.then(this.repair)
    return this.work
  }

  /** Bytes in the document's update log (approximate between compactions). */
  get storedBytes(): number {
    return this.bytesStored
  }

  /**
   * Resolves once the update is durable and applied; rejects (and changes nothing) if storing failed.
   * Updates are stored and applied in submission order.
   */
  submit(update: Uint8Array, origin: TransactionOrigin): Promise<void> {
    if (this.destroyed) return Promise.reject(new Error(`room ${this.documentName} is unloaded`))
    return new Promise((resolve, reject) => {
      this.pending.push({ update, origin, resolve, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(this.flush)
      }
    })
  }

  /** Resolves when every submitted update is stored and applied. */
  async idle(): Promise<void> {
    if (this.pending.length > 0) this.flush()
    await this.work
  }

  encodeStateVector(): Uint8Array {
    return Y.encodeStateVector(this.ydoc)
  }

  encodeStateAsUpdate(stateVector?: Uint8Array): Uint8Array {
    // A client with nothing (a cold load, a new member) gets the whole state: encoded once per change, not per
    // client, so ten people opening a large document pay for one encoding.
    if (stateVector && !isEmptyStateVector(stateVector)) return encodeIntegratedState(this.ydoc, stateVector)
    this.fullState ??= encodeIntegratedState(this.ydoc)
    return this.fullState
  }

  /** Compacts the update log into one state update if anything was appended since the last compaction. */
  compact(): Promise<void> {
    this.work = this.work.then(() => this.compactNow())
    return this.work
  }

  destroy(): void {
    this.destroyed = true
    if (this.repairTimer) clearTimeout(this.repairTimer)
    this.ydoc.off('update', this.forgetFullState)
    this.ydoc.off('update', this.broadcastUpdate)
    this.awareness.off('update', this.broadcastAwareness)
    this.awareness.destroy()
    this.validator?.destroy()
    this.ydoc.destroy()
    for (const pending of this.pending) pending.reject(new Error('room destroyed'))
    this.pending = []
  }

  private readonly flush = (): void => {
    this.flushScheduled = false
    const batch = this.pending
    this.pending = []
    if (batch.length === 0) return
    this.work = this.work.then(() => this.storeAndApply(batch))
  }

  private async storeAndApply(submitted: PendingUpdate[]): Promise<void> {
    const batch = await this.validate(
      submitted.filter((pending) => {
        if (!this.hasFailed(pending.origin)) return true
        pending.reject(new Error('an earlier update from this connection was not stored'))
        return false
      }),
    )
    if (batch.length === 0) return
    let appendedSeq: number
    try {
      // Started in the same turn as the append (the claims just before it), so on SQLite all share one group commit.
      const claimsRecorded = this.claimsRecorded(batch)
      const deletionsRecorded = this.recordDeletions(batch)
      appendedSeq = await this.options.store.append(
        this.documentName,
        batch.map((pending) => pending.update),
      )
      await Promise.all([claimsRecorded, deletionsRecorded])
      for (const pending of batch) this.bytesStored += pending.update.byteLength
    } catch (error) {
      this.options.logger.error('append failed', { documentName: this.documentName, error })
      this.validator?.reset()
      for (const pending of batch) {
        if (pending.origin.kind === 'client') this.failedOrigins.add(pending.origin)
        pending.reject(error)
      }
      return
    }
    if (batch.some((pending) => pending.slices)) await this.applyInSlices(batch)
    else this.applyTogether(batch)
    this.markCommitted(appendedSeq, batch)
    this.announceBrackets(batch)
    this.updatesSinceCompaction += batch.length
    if (
      this.updatesSinceCompaction >= this.options.compactAfterUpdates &&
      performance.now() >= this.nextCompactionAt
    ) {
      await this.compactNow()
    }
  }

  /** Tells the observer, in storage order, about each stored update that touched brackets. */
  private announceBrackets(batch: PendingUpdate[]): void {
    const observer = this.options.observer
    if (!observer) return
    for (const pending of batch) {
      if (!pending.brackets) continue
      try {
        observer.bracketsChanged(this, pending.brackets, pending.origin)
      } catch (error) {
        this.options.logger.error('room observer failed', { documentName: this.documentName, error })
      }
    }
  }

  /**
   * One Y.js transaction for the whole batch: one 'update' event, so one broadcast message per member.
   * With a single origin its own member is skipped, as for a single update; with several, everyone
   * gets the merged update (an author's own part is a no-op for it).
   */
  private applyTogether(batch: PendingUpdate[]): void {
    const first = batch[0]?.origin ?? TransactionOrigin.batch
    const origin = batch.every((pending) => pending.origin === first) ? first : TransactionOrigin.batch
    const failures: { pending: PendingUpdate; error: unknown }[] = []
    Y.transact(
      this.ydoc,
      () => {
        for (const pending of batch) {
          try {
            Y.applyUpdate(this.ydoc, pending.update, origin)
          } catch (error) {
            failures.push({ pending, error })
          }
        }
      },
      origin,
    )
    // Validation makes this unreachable; should it happen, the validator's copy has what the live document lacks.
    if (failures.length > 0) this.validator?.reset()
    for (const pending of batch) {
      const failure = failures.find((entry) => entry.pending === pending)
      if (failure) pending.reject(failure.error)
      else pending.resolve()
    }
  }

  /**
   * A batch with a large update (already stored, as a whole): each update applied on its own, a large one slice
   * by slice with a turn of the event loop between slices, so a 2 MB paste does not hold up every other
   * document. Each slice is broadcast as it is applied, so a member joining halfway gets the rest; the room's
   * work queue keeps later updates, compaction and server reads waiting until the last slice is in.
   */
  private async applyInSlices(batch: PendingUpdate[]): Promise<void> {
    for (const pending of batch) {
      try {
        for (const slice of pending.slices ?? [pending.update]) {
          Y.applyUpdate(this.ydoc, slice, pending.origin)
          if (pending.slices) await nextTurn()
        }
        pending.resolve()
      } catch (error) {
        this.validator?.reset()
        pending.reject(error)
      }
    }
  }

  /**
   * Records the author of every client id an accepted client update wrote new content with (the validator
   * reports them, from its shadow); an update writing as another account's id is refused (the shadow, which
   * accepted it, is then seeded again from the live state). Deletions are recorded with the append.
   */
  private async claimClientIds(batch: PendingUpdate[]): Promise<PendingUpdate[]> {
    const authorship = this.options.authorship
    if (!authorship || this.destroyed) return batch
    const kept: PendingUpdate[] = []
    for (const pending of batch) {
      const principal = pending.origin.kind === 'client' ? pending.origin.member.principal : undefined
      const written = pending.written
      if (!principal || !written || written.clients.length === 0) {
        kept.push(pending)
        continue
      }
      let refusal: string | null
      try {
        const decision = await authorship.claim(this.documentName, principal, written.clients)
        refusal = decision.refusal
        pending.claimRecorded = decision.recorded
      } catch (error) {
        this.options.logger.error('recording authorship failed', { documentName: this.documentName, error })
        this.validator?.reset()
        if (pending.origin.kind === 'client') this.failedOrigins.add(pending.origin)
        pending.reject(error)
        continue
      }
      if (refusal === null) {
        kept.push(pending)
        continue
      }
      this.validator?.reset()
      if (pending.origin.kind === 'client') this.failedOrigins.add(pending.origin)
      pending.reject(new ProtocolError(refusal, CloseCode.forbidden))
    }
    return kept
  }

  /**
   * The claims' records of the batch. A record that failed with the append stored (its own statement failed, not
   * the commit they share) is logged, as a deletion's is: refusing the stored update would lose an edit.
   */
  private claimsRecorded(batch: readonly PendingUpdate[]): Promise<void> {
    const records = batch.flatMap((pending) => (pending.claimRecorded ? [pending.claimRecorded] : []))
    if (records.length === 0) return Promise.resolve()
    return Promise.all(records).then(
      () => undefined,
      (error: unknown) => {
        this.options.logger.error('recording a client id claim failed', {
          documentName: this.documentName,
          error,
        })
      },
    )
  }

  /**
   * Records who deleted what in the batch. A failure is logged, not passed on: the update itself is stored, and
   * refusing it afterwards would lose an edit its author saw acknowledged elsewhere; only the attribution of
   * that deletion is missing then.
   */
  private recordDeletions(batch: readonly PendingUpdate[]): Promise<void> {
    const authorship = this.options.authorship
    if (!authorship) return Promise.resolve()
    const records: Promise<void>[] = []
    for (const pending of batch) {
      const deleted = pending.written?.deleted
      const principal = pending.origin.kind === 'client' ? pending.origin.member.principal : undefined
      if (!principal || !deleted || deleted.length === 0) continue
      records.push(authorship.recordDeletions(this.documentName, principal, deleted))
    }
    if (records.length === 0) return Promise.resolve()
    return Promise.all(records).then(
      () => undefined,
      (error: unknown) => {
        this.options.logger.error('recording deletions failed', { documentName: this.documentName, error })
      },
    )
  }

  /**
   * Keeps the updates the validator accepts; the others are rejected with the reason (closing their
   * connection with 4400) and their origin's later updates are refused, so what is stored from one connection
   * stays a prefix of what it sent. Server changes must apply but are not schema-checked.
   */
  private async validate(batch: PendingUpdate[]): Promise<PendingUpdate[]> {
    if (!this.validator || batch.length === 0 || this.destroyed) return batch
    const senders = new Map<TransactionOrigin, number>()
    const candidates = batch.map((pending) => ({
      update: pending.update,
      trusted: pending.origin.kind === 'server',
      writer: writerOf(pending.origin),
      sender: senders.get(pending.origin) ?? senders.set(pending.origin, senders.size).size - 1,
    }))
    let verdicts: Verdict[]
    try {
      verdicts = await this.validator.check(candidates)
    } catch (error) {
      this.options.logger.error('update validation failed', { documentName: this.documentName, error })
      this.validator.reset()
      for (const pending of batch) pending.reject(error)
      return []
    }
    const accepted = batch.filter((pending, index) => {
      const verdict = verdicts[index]
      if (verdict && verdict.refused === null) {
        pending.slices = verdict.slices
        pending.brackets = verdict.brackets
        pending.written = verdict.written
        return true
      }
      if (pending.origin.kind === 'client') this.failedOrigins.add(pending.origin)
      pending.reject(
        verdict
          ? new ProtocolError(verdict.refused, verdict.closeCode)
          : new ProtocolError('no verdict for this update'),
      )
      return false
    })
    return this.claimClientIds(accepted)
  }

  /**
   * Our own batch is in the log, at the sequence numbers that end with `appendedSeq`, and applied: advance the
   * watermark, or, if another instance committed in between and we have not seen it yet, note it as applied
   * ahead and have the gap filled. Then tell the other instances (after the commit, never before).
   */
  private markCommitted(appendedSeq: number, batch: readonly PendingUpdate[]): void {
    const replica = this.options.replica
    if (!replica) {
      this.lastSeq = appendedSeq
      return
    }
    const firstSeq = appendedSeq - batch.length + 1
    if (firstSeq === this.lastSeq + 1 && this.appliedAhead.size === 0 && this.remoteAhead.size === 0) {
      this.lastSeq = appendedSeq
    } else {
      for (let seq = firstSeq; seq <= appendedSeq; seq++) if (seq > this.lastSeq) this.appliedAhead.add(seq)
      // Runs after this batch: moves the watermark, applies remote updates that now follow it, repairs a gap.
      this.work = this.work.then(this.applyRemoteInOrder)
    }
    replica.committed(
      firstSeq,
      batch.map((pending) => pending.update),
    )
  }

  private get hasGap(): boolean {
    return this.appliedAhead.size > 0 || this.remoteAhead.size > 0
  }

  private scheduleRepair(delayMs: number): void {
    if (this.repairTimer || this.destroyed) return
    this.repairTimer = setTimeout(() => {
      this.repairTimer = null
      if (this.hasGap) void this.catchUp()
    }, delayMs)
    this.repairTimer.unref()
  }

  /** Applies the remote updates that continue the watermark; a gap left behind is repaired soon. */
  private readonly applyRemoteInOrder = async (): Promise<void> => {
    if (this.destroyed) return
    const ready: Uint8Array[] = []
    for (;;) {
      const next = this.lastSeq + 1
      const update = this.remoteAhead.get(next)
      if (update) {
        this.remoteAhead.delete(next)
        ready.push(update)
      } else if (!this.appliedAhead.delete(next)) break
      this.lastSeq = next
    }
    for (const seq of this.remoteAhead.keys()) if (seq <= this.lastSeq) this.remoteAhead.delete(seq)
    await this.applyRemote(ready)
    if (this.hasGap) this.scheduleRepair(gapGraceMs)
  }

  private readonly repair = async (): Promise<void> => {
    if (this.destroyed) return
    let tail: StoredUpdate[]
    try {
      tail = await this.options.store.readSince(this.documentName, this.lastSeq)
    } catch (error) {
      this.options.logger.warn('gap repair failed; retrying', { documentName: this.documentName, error })
      this.scheduleRepair(1000)
      return
    }
    const head = tail.at(-1)?.seq ?? 0
    if (this.destroyed || head <= this.lastSeq) return
    // Everything through the store's head is in `tail`; what we applied ahead is applied again (a no-op).
    this.lastSeq = head
    for (const seq of this.appliedAhead) if (seq <= head) this.appliedAhead.delete(seq)
    for (const seq of this.remoteAhead.keys()) if (seq <= head) this.remoteAhead.delete(seq)
    this.options.logger.debug('repaired from the store', {
      documentName: this.documentName,
      updates: tail.length,
      throughSeq: head,
    })
    await this.applyRemote(tail.map((entry) => entry.update))
    await this.applyRemoteInOrder()
  }

  /**
   * Applies updates another instance committed (validated there): first to the validator's copy, so it stays
   * exactly the live state, then to the document in one transaction, broadcast to our members.
   */
  private async applyRemote(updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0 || this.destroyed) return
    let accepted = updates
    if (this.validator) {
      try {
        const verdicts = await this.validator.check(
          updates.map((update, index) => ({ update, trusted: true, sender: index, writer: null })),
        )
        accepted = updates.filter((_update, index) => verdicts[index]?.refused === null)
      } catch (error) {
        this.options.logger.error('remote update validation failed', {
          documentName: this.documentName,
          error,
        })
        this.validator.reset()
      }
      if (this.destroyed) return
    }
    Y.transact(
      this.ydoc,
      () => {
        for (const update of accepted) {
          try {
            Y.applyUpdate(this.ydoc, update, TransactionOrigin.remote)
          } catch (error) {
            // The same rule as loading: a stored update that cannot apply is skipped, never fatal.
            this.options.logger.error('skipped a remote update that cannot be applied', {
              documentName: this.documentName,
              error,
            })
          }
        }
      },
      TransactionOrigin.remote,
    )
    for (const update of accepted) this.bytesStored += update.byteLength
    this.updatesSinceCompaction += accepted.length
  }

  private hasFailed(origin: TransactionOrigin): boolean {
    return this.failedOrigins.has(origin)
  }

  private async compactNow(): Promise<void> {
    if (this.updatesSinceCompaction === 0 || this.lastSeq === 0 || this.destroyed) return
    const started = performance.now()
    try {
      const state = hasPendingContent(this.ydoc) ? encodeStorableState(this.ydoc) : this.encodeStateAsUpdate()
      if (state === null) {
        // The log's updates each decode and replay to this state; try again once the pending part integrates.
        this.options.logger.warn('compaction postponed: the pending part does not encode safely', {
          documentName: this.documentName,
        })
        this.nextCompactionAt = performance.now() + (this.options.minCompactionIntervalMs ?? 2000)
        return
      }
      await this.options.store.compact(this.documentName, state, this.lastSeq)
      this.bytesStored = state.byteLength
      const ms = performance.now() - started
      this.options.logger.debug('compacted', {
        documentName: this.documentName,
        updates: this.updatesSinceCompaction,
        ms: Math.round(ms),
      })
      this.updatesSinceCompaction = 0
      this.nextCompactionAt =
        performance.now() +
        Math.max(this.options.minCompactionIntervalMs ?? 2000, ms * compactionBackoffFactor)
    } catch (error) {
      // The log is intact (the compaction transaction rolled back); try again after more updates.
      this.options.logger.error('compaction failed', { documentName: this.documentName, error })
    }
  }

  /** `origin` is null for a follow-up transaction Yjs starts itself (e.g. Y.Text formatting cleanup). */
  private readonly broadcastUpdate = (update: Uint8Array, origin: TransactionOrigin | null): void => {
    if (origin?.kind === 'store' || this.members.size === 0) return
    const message = encodeUpdate(update)
    const author = origin?.kind === 'client' ? origin.member : null
    for (const member of this.members) {
      if (member !== author) member.send(message)
    }
  }
  private readonly broadcastAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    const message = encodeAwareness(update)
    for (const member of this.members) member.send(message)
    for (const clientId of removed) {
      if (this.awarenessOwners.get(clientId) === remoteMember) this.awarenessOwners.delete(clientId)
    }
    // Our members' changes go to the other instances; theirs came from there, and expiry happens everywhere.
    if (origin !== TransactionOrigin.remote && origin !== 'timeout') this.options.replica?.awareness(update)
  }
}
