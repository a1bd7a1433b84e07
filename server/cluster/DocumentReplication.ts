import type { Logger } from '../logging/Logger.ts'
import type { Replication } from '../sync/Replication.ts'
import type { Room } from '../sync/Room.ts'
import type { RoomReplica } from '../sync/RoomReplica.ts'
import type { ClusterBus } from './ClusterBus.ts'
import type { ClusterMessage } from './ClusterMessage.ts'

type DocumentMessage = Exclude<ClusterMessage, { kind: 'access' }>

export interface DocumentReplicationOptions {
  bus: ClusterBus
  logger: Logger
  /** Every loaded room re-reads the store's head this often, so a silently lost message costs at most this. */
  checkIntervalMs: number
  /** Another instance changed sessions, roles or access rules: re-check open sockets now. */
  onAccessChanged: () => void
}

/**
 * Connects the sync server's rooms to the cluster bus (PostgreSQL is the log, the bus is the doorbell): announces
 * what each room committed, hands remote updates and awareness to the room, and makes every room catch up from
 * the store after the bus was interrupted and every `checkIntervalMs`.
 */
export class DocumentReplication implements Replication {
  private readonly rooms = new Map<string, Room>()
  /** Watched documents whose room is still loading: their messages wait here (the room skips what it read). */
  private readonly buffered = new Map<string, DocumentMessage[]>()
  private readonly watchers = new Map<string, number>()
  private readonly timer: NodeJS.Timeout

  constructor(private readonly options: DocumentReplicationOptions) {
    options.bus.onResumed(() => this.catchUpAll())
    this.timer = setInterval(() => this.catchUpAll(), options.checkIntervalMs)
    this.timer.unref()
  }

  /** Connects the bus; call before the server accepts sockets. */
  start(): Promise<void> {
    return this.options.bus.start(this.receive)
  }

  async watch(documentName: string): Promise<void> {
    const watchers = this.watchers.get(documentName) ?? 0
    this.watchers.set(documentName, watchers + 1)
    if (!this.rooms.has(documentName) && !this.buffered.has(documentName)) this.buffered.set(documentName, [])
    if (watchers === 0) await this.options.bus.watch(documentName)
  }

  replicaFor(documentName: string): RoomReplica {
    const { bus } = this.options
    return {
      committed: (firstSeq, updates) =>
        bus.publish({ kind: 'updates', instanceId: bus.instanceId, documentName, firstSeq, updates }),
      awareness: (update) =>
        bus.publish({ kind: 'awareness', instanceId: bus.instanceId, documentName, update }),
    }
  }

  attach(documentName: string, room: Room): void {
    this.rooms.set(documentName, room)
    const waiting = this.buffered.get(documentName) ?? []
    this.buffered.delete(documentName)
    for (const message of waiting) this.deliver(room, message)
  }

  detach(documentName: string, room: Room | null): void {
    if (room === null || this.rooms.get(documentName) === room) this.rooms.delete(documentName)
    const watchers = (this.watchers.get(documentName) ?? 1) - 1
    if (watchers > 0) {
      this.watchers.set(documentName, watchers)
      return
    }
    this.watchers.delete(documentName)
    this.buffered.delete(documentName)
    this.rooms.delete(documentName)
    void this.options.bus.unwatch(documentName)
  }

  async destroy(): Promise<void> {
    clearInterval(this.timer)
    await this.options.bus.close()
  }

  private catchUpAll(): void {
    for (const room of this.rooms.values()) {
      room.catchUp().catch((error: unknown) => this.options.logger.warn('catch-up failed', { error }))
    }
  }

  private readonly receive = (message: ClusterMessage): void => {
    if (message.kind === 'access') {
      this.options.onAccessChanged()
      return
    }
    const room = this.rooms.get(message.documentName)
    if (room) this.deliver(room, message)
    else this.buffered.get(message.documentName)?.push(message)
  }

  private deliver(room: Room, message: DocumentMessage): void {
    if (message.kind === 'updates') room.receiveRemote(message.firstSeq, message.updates)
    else room.receiveRemoteAwareness(message.update)
  }
}
