/** What a document's persisted update log looks like when loaded. */
export interface StoredDocument {
  /** Updates in the order they were appended; the first may be a compacted state. Empty if new. */
  updates: Uint8Array[]
  /** Sequence number of the last update, 0 if there is none. */
  lastSeq: number
}

/**
 * Durable storage of Yjs documents as an append-only update log.
 * Every method resolves only once its effect is durable; a rejected call changed nothing.
 */
export interface DocumentStore {
  load(documentName: string): Promise<StoredDocument>
  /** Appends the updates atomically, in order, and resolves to the sequence number of the last one. */
  append(documentName: string, updates: readonly Uint8Array[]): Promise<number>
  /**
   * What was appended after sequence number `afterSeq` (for gap repair between instances): the updates in log
   * order and the sequence number of the last one (`afterSeq` if there is nothing newer). After a compaction the
   * first update may be a merged state that also holds updates at or before `afterSeq`; applying those again
   * changes nothing (Yjs updates are idempotent).
   */
  readSince(documentName: string, afterSeq: number): Promise<StoredDocument>
  /**
   * Replaces every update up to and including `throughSeq` with `state` (their merge), atomically.
   * Updates appended after `throughSeq` are kept.
   */
  compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void>
  delete(documentName: string): Promise<void>
  /** Names of all stored documents, sorted. */
  list(): Promise<string[]>
  destroy(): Promise<void>
}
