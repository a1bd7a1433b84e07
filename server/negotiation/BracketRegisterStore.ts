import type { BracketRecord } from '../../shared/negotiation/index.ts'

/**
 * The bracket register: one record per bracket a document ever had, kept after the bracket leaves the text.
 * Keyed by document and bracket id (ids come from clients, so the same id in two documents is two brackets).
 * The `BracketRegister` service is its only writer and serialises writes per document.
 */
export interface BracketRegisterStore {
  /** The document's brackets, in the order they were first recorded. */
  list(documentName: string): Promise<BracketRecord[]>
  find(documentName: string, bracketId: string): Promise<BracketRecord | null>
  /** Inserts or replaces whole records, all or none; a replaced record keeps its place in `list`. */
  save(records: readonly BracketRecord[]): Promise<void>
}
