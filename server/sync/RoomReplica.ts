/**
 * What a room tells the other instances of a scale-out (implemented in server/cluster): called only after the
 * store committed, so an announcement never runs ahead of the truth.
 */
export interface RoomReplica {
  /** Updates this instance committed to the log, the first at sequence number `firstSeq`, in order. */
  committed(firstSeq: number, updates: readonly Uint8Array[]): void
  /** An awareness change of one of this instance's members. */
  awareness(update: Uint8Array): void
}
