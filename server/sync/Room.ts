import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  type AwarenessEntry,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeUpdate,
  ProtocolError,
} from '../../shared/protocol/index.ts'
import type { Logger } from '../logging/Logger.ts'
import type { DocumentStore } from '../persistence/DocumentStore.ts'
import type { RoomMember } from './RoomMember.ts'
import { TransactionOrigin } from './TransactionOrigin.ts'
import type { UpdateValidator, Verdict } from './validation/UpdateValidator.ts'

interface PendingUpdate {
  update: Uint8Array
  origin: TransactionOrigin
  resolve: () => void
  reject: (error: unknown) => void
  /** Set by validation for a large update: apply it by these slices, one per event-loop turn. */
  slices?: Uint8Array[] | null
}

/** Awareness client ids one connection may introduce (see publishAwareness). */
export const maxAwarenessIdsPerMember = 4

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
}

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
  readonly ydoc = new Y.Doc()
  private readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  private readonly members = new Set<RoomMember>()
  /** Which member published each awareness client id. */
  private readonly awarenessOwners = new Map<number, RoomMember>()
  private pending: PendingUpdate[] = []
  private flushScheduled = false
  /** Store writes run one after another, in submission order. */
  private work: Promise<void> = Promise.resolve()
  private lastSeq = 0
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

  private constructor(
    readonly documentName: string,
    private readonly options: RoomOptions,
  ) {
    this.validator = options.createValidator?.(() => Y.encodeStateAsUpdate(this.ydoc)) ?? null
    this.awareness.setLocalState(null)
    this.ydoc.on('update', this.broadcastUpdate)
    this.awareness.on('update', this.broadcastAwareness)
  }

  static async load(documentName: string, options: RoomOptions): Promise<Room> {
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
    return Y.encodeStateAsUpdate(this.ydoc, stateVector)
  }

  /** Compacts the update log into one state update if anything was appended since the last compaction. */
  compact(): Promise<void> {
    this.work = this.work.then(() => this.compactNow())
    return this.work
  }

  destroy(): void {
    this.destroyed = true
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
    try {
      this.lastSeq = await this.options.store.append(
        this.documentName,
        batch.map((pending) => pending.update),
      )
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
    this.updatesSinceCompaction += batch.length
    if (
      this.updatesSinceCompaction >= this.options.compactAfterUpdates &&
      performance.now() >= this.nextCompactionAt
    ) {
      await this.compactNow()
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
    return batch.filter((pending, index) => {
      const verdict = verdicts[index]
      if (verdict && verdict.refused === null) {
        pending.slices = verdict.slices
        return true
      }
      if (pending.origin.kind === 'client') this.failedOrigins.add(pending.origin)
      pending.reject(new ProtocolError(verdict?.refused ?? 'no verdict for this update'))
      return false
    })
  }

  private hasFailed(origin: TransactionOrigin): boolean {
    return this.failedOrigins.has(origin)
  }

  private async compactNow(): Promise<void> {
    if (this.updatesSinceCompaction === 0 || this.lastSeq === 0 || this.destroyed) return
    const started = performance.now()
    try {
      const state = Y.encodeStateAsUpdate(this.ydoc)
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
    _origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    for (const member of this.members) member.send(message)
  }
}
