import type { Room } from './Room.ts'
import type { RoomReplica } from './RoomReplica.ts'

/**
 * The sync server's one door to other instances (implemented by `DocumentReplication` in server/cluster). The
 * registry calls it around each room's life: watch the document's channel, then load, then attach, so no update
 * committed elsewhere falls between the load and the subscription.
 */
export interface Replication {
  /** Resolves once the document's channel is watched (before the room reads the store). */
  watch(documentName: string): Promise<void>
  /** The room's way of announcing its commits and its members' awareness. */
  replicaFor(documentName: string): RoomReplica
  /** The room is loaded: deliver the document's messages (including those buffered since `watch`) to it. */
  attach(documentName: string, room: Room): void
  /** The room is unloaded (or, with null, failed to load): balances one `watch`. */
  detach(documentName: string, room: Room | null): void
}
