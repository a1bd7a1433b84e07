import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '../../shared/protocol/index.ts'
import type { Logger } from '../logging/Logger.ts'
import type { DocumentStore } from '../persistence/DocumentStore.ts'

/** Origin of changes the server makes itself (initial template, restores). */
export const serverOrigin = Symbol('server')
/** Origin of updates replayed from the store at load time. */
const storeOrigin = Symbol('store')

/** Something that receives a room's broadcasts; a client connection in practice. */
export interface RoomMember {
  send(message: Uint8Array): void
}

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
  resolve: () => void
  reject: (error: unknown) => void
}

export interface RoomOptions {
  store: DocumentStore
  logger: Logger
  compactAfterUpdates: number
  /** State for a document that has never been stored; null leaves it empty. */
  createInitialState?: () => Uint8Array | null
}

/**
 * One loaded document: its Y.Doc, awareness and members. Client updates are appended to the store in a
 * committed transaction before they are applied and broadcast; updates arriving in the same event-loop
 * turn share one transaction.
 */
export class Room {
  readonly ydoc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  readonly members = new Set<RoomMember>()
  /** Which member published each awareness client id. */
  readonly awarenessOwners = new Map<number, RoomMember>()
  private pending: PendingUpdate[] = []
  private flushScheduled = false
  /** Store writes run one after another, in submission order. */
  private work: Promise<void> = Promise.resolve()
  private lastSeq = 0
  private updatesSinceCompaction = 0
  private destroyed = false

  private constructor(
    readonly documentName: string,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null)
    this.ydoc.on('update', this.broadcastUpdate)
    this.awareness.on('update', this.broadcastAwareness)
  }

  static async load(documentName: string, options: RoomOptions): Promise<Room> {
    const room = new Room(documentName, options)
    const stored = await options.store.load(documentName)
    room.lastSeq = stored.lastSeq
    room.updatesSinceCompaction = stored.updates.length > 1 ? stored.updates.length : 0
    Y.transact(
      room.ydoc,
      () => {
        for (const update of stored.updates) Y.applyUpdate(room.ydoc, update, storeOrigin)
      },
      storeOrigin,
    )
    if (stored.updates.length === 0 && options.createInitialState) {
      const initial = options.createInitialState()
      if (initial) await room.submit(initial, serverOrigin)
    }
    return room
  }

  get loadedBytes(): number {
    return Y.encodeStateAsUpdate(this.ydoc).byteLength
  }

  /** Resolves once the update is durable and applied; rejects (and changes nothing) if storing failed. */
  submit(update: Uint8Array, origin: unknown): Promise<void> {
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

  private async storeAndApply(batch: PendingUpdate[]): Promise<void> {
    try {
      this.lastSeq = await this.options.store.append(
        this.documentName,
        batch.map((pending) => pending.update),
      )
    } catch (error) {
      this.options.logger.error('append failed', { documentName: this.documentName, error })
      for (const pending of batch) pending.reject(error)
      return
    }
    for (const pending of batch) {
      try {
        Y.applyUpdate(this.ydoc, pending.update, pending.origin)
        pending.resolve()
      } catch (error) {
        pending.reject(error)
      }
    }
    this.updatesSinceCompaction += batch.length
    if (this.updatesSinceCompaction >= this.options.compactAfterUpdates) await this.compactNow()
  }

  private async compactNow(): Promise<void> {
    if (this.updatesSinceCompaction === 0 || this.lastSeq === 0 || this.destroyed) return
    const started = performance.now()
    try {
      await this.options.store.compact(this.documentName, Y.encodeStateAsUpdate(this.ydoc), this.lastSeq)
      this.options.logger.debug('compacted', {
        documentName: this.documentName,
        updates: this.updatesSinceCompaction,
        ms: Math.round(performance.now() - started),
      })
      this.updatesSinceCompaction = 0
    } catch (error) {
      // The log is intact (the compaction transaction rolled back); try again after more updates.
      this.options.logger.error('compaction failed', { documentName: this.documentName, error })
    }
  }

  private readonly broadcastUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === storeOrigin) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, SyncMessageType.update)
    encoding.writeVarUint8Array(encoder, update)
    const message = encoding.toUint8Array(encoder)
    for (const member of this.members) {
      if (member !== origin) member.send(message)
    }
  }

  private readonly broadcastAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    const message = encoding.toUint8Array(encoder)
    for (const member of this.members) member.send(message)
  }
}
