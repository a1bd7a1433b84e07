import type { Logger } from '../logging/Logger.ts'
import type { DocumentStore } from '../persistence/DocumentStore.ts'
import type { ClientIdClaims } from './ClientIdClaims.ts'
import type { Replication } from './Replication.ts'
import { Room } from './Room.ts'
import type { RoomObserver } from './RoomObserver.ts'
import type { UpdateValidator } from './validation/UpdateValidator.ts'

export interface RoomRegistryOptions {
  store: DocumentStore
  logger: Logger
  compactAfterUpdates: number
  /** Initial state of a document that has never been stored (the charter template); null if none. */
  createInitialState: (documentName: string) => Uint8Array | null
  /** The validator of one document's updates (see `RoomOptions.createValidator`). */
  createValidator?: (documentName: string, readState: () => Uint8Array) => UpdateValidator
  /** Told when a room loads and when brackets change (see RoomObserver); set once, before rooms load. */
  observer?: RoomObserver
  /** Other instances sharing the store (scale-out); absent for a single instance. */
  replication?: Replication
  /** Who writes with each client id (see `RoomOptions.authorship`). */
  authorship?: ClientIdClaims
}

/**
 * The loaded rooms, one per document. A room loads on first use and unloads once its last member has left,
 * nobody holds a reservation on it and everything it acknowledged is compacted.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly loadedRooms = new Map<string, Room>()
  /** Users between "about to use the room" and "member" (a joining connection, a server read or change). */
  private readonly reservations = new Map<string, number>()
  private closing = false

  constructor(private readonly options: RoomRegistryOptions) {}

  /** Sets the observer of rooms loaded from now on (the services that observe are built after the server). */
  observe(observer: RoomObserver): void {
    this.options.observer = observer
  }

  get loadedDocumentNames(): string[] {
    return [...this.rooms.keys()]
  }

  /** Encoded size of each loaded document (for metrics; encodes each document, so call it rarely). */
  *loadedDocumentSizes(): Generator<[string, number]> {
    for (const [documentName, room] of this.loadedRooms)
      yield [documentName, room.encodeStateAsUpdate().byteLength]
  }

  /** The document's room, loading it if needed; concurrent callers share one load. */
  get(documentName: string): Promise<Room> {
    const existing = this.rooms.get(documentName)
    if (existing) return existing
    const { createValidator, replication } = this.options
    const load = () =>
      Room.load(documentName, {
        store: this.options.store,
        logger: this.options.logger,
        compactAfterUpdates: this.options.compactAfterUpdates,
        createInitialState: () => this.options.createInitialState(documentName),
        createValidator: createValidator && ((readState) => createValidator(documentName, readState)),
        replica: replication?.replicaFor(documentName),
        observer: this.options.observer,
        authorship: this.options.authorship,
      })
    const loading = replication
      ? replication.watch(documentName).then(async () => {
          const room = await load()
          replication.attach(documentName, room)
          return room
        })
      : load()
    this.rooms.set(documentName, loading)
    loading.then(
      (room) => this.loadedRooms.set(documentName, room),
      () => {
        if (this.rooms.get(documentName) === loading) this.rooms.delete(documentName)
        replication?.detach(documentName, null)
      },
    )
    return loading
  }

  /** Keeps the document's room from unloading until `release`, e.g. while a connection joins it. */
  reserve(documentName: string): void {
    this.reservations.set(documentName, (this.reservations.get(documentName) ?? 0) + 1)
  }

  release(documentName: string): void {
    const remaining = (this.reservations.get(documentName) ?? 1) - 1
    if (remaining > 0) this.reservations.set(documentName, remaining)
    else this.reservations.delete(documentName)
  }

  /** Runs `use` on the loaded room, holding a reservation meanwhile; the room may unload afterwards. */
  async use<T>(documentName: string, use: (room: Room) => Promise<T>): Promise<T> {
    this.reserve(documentName)
    let room: Room
    try {
      room = await this.get(documentName)
    } catch (error) {
      this.release(documentName)
      throw error
    }
    try {
      return await use(room)
    } finally {
      this.release(documentName)
      void this.leave(documentName, room)
    }
  }

  /** Someone stopped using the room: unloads it once its last member has left and everything is compacted. */
  async leave(documentName: string, room: Room): Promise<void> {
    if (!this.isUnused(documentName, room) || this.closing) return
    await room.idle()
    await room.compact()
    if (!this.isUnused(documentName, room)) return
    await this.unload(documentName, room, false)
  }

  /** Resolves once every loaded room has stored what it acknowledged. */
  async flush(): Promise<void> {
    const rooms = await Promise.allSettled(this.rooms.values())
    await Promise.all(
      rooms.map((result) => (result.status === 'fulfilled' ? result.value.idle() : undefined)),
    )
  }

  /** Shutdown: stores, compacts and unloads every room; rooms no longer unload on their own. */
  async destroy(): Promise<void> {
    this.closing = true
    await this.flush()
    for (const [documentName, room] of this.rooms) {
      await this.unload(documentName, await room, true)
    }
  }

  private isUnused(documentName: string, room: Room): boolean {
    return room.memberCount === 0 && !this.reservations.has(documentName)
  }

  private async unload(documentName: string, room: Room, shuttingDown: boolean): Promise<void> {
    if (this.loadedRooms.get(documentName) !== room) return
    if (shuttingDown) {
      await room.idle()
      await room.compact()
    }
    this.loadedRooms.delete(documentName)
    this.rooms.delete(documentName)
    this.options.replication?.detach(documentName, room)
    room.destroy()
    this.options.logger.debug('room unloaded', { documentName })
  }
}
