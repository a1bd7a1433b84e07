/** What a document's persisted update log looks like when loaded. */
export interface StoredDocument {
  /** Updates in the order they were appended; the first may be a compacted state. Empty if new. */
  updates: Uint8Array[]
  /** Sequence number of the last update, 0 if there is none. */
  lastSeq: number
}

/** One entry of a document's log with its sequence number. */
export interface StoredUpdate {
  seq: number
  update: Uint8Array
}

/**
 * Durable storage of Yjs documents as an append-only update log.
 * Every method resolves only once its effect is durable (committed); a rejected call changed nothing.
 *
 * Sequence numbers are per document and gap-free: the first update of a document gets 1, and an append of n
 * updates to a document whose last sequence number is s gets s+1 … s+n. An instance that has applied a
 * document's updates through s therefore knows exactly what it misses when it hears of s+2: `readSince(s)`.
 */
export interface DocumentStore {
  load(documentName: string): Promise<StoredDocument>
  /**
   * Every entry with a sequence number above `afterSeq`, in order. A compacted state carries the last sequence
   * number it covers, so when `afterSeq` falls inside a compacted range the whole state comes back (applying
   * Yjs updates twice is harmless). Empty when nothing was appended after `afterSeq`.
   */
  readSince(documentName: string, afterSeq: number): Promise<StoredUpdate[]>
  /** Appends the updates atomically, in order, and resolves to the sequence number of the last one. */
  append(documentName: string, updates: readonly Uint8Array[]): Promise<number>
  /**
   * Stores `update` as the document's first entry if the document has none, atomically: of concurrent calls
   * (from any process sharing the storage) exactly one stores its update. Resolves to the document as stored
   * then, which holds the winner's update, or whatever was there already.
   */
  seed(documentName: string, update: Uint8Array): Promise<StoredDocument>
  /**
   * Replaces every entry up to and including `throughSeq` by one entry at `throughSeq`, atomically: the merge
   * of `state` with those entries, so nothing the caller's state lacks (an update another instance appended
   * that the caller has not applied yet) is ever lost. Entries appended after `throughSeq` are kept.
   * A `throughSeq` beyond the last stored entry is treated as the last stored entry.
   */
  compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void>
  delete(documentName: string): Promise<void>
  /** Names of all stored documents, sorted. */
  list(): Promise<string[]>
  destroy(): Promise<void>
}
