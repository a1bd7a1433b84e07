import type { Delegation } from '../../shared/roles/index.ts'

/** Who wrote with one Yjs client id in one document, as the server saw it (the session, never the client's word). */
export interface ClientAuthor {
  clientId: number
  accountId: string
  name: string
  delegation: Delegation | null
  firstSeen: string
}

/** Text (a range of one client's Yjs items) someone deleted: Yjs records what is deleted, never by whom. */
export interface TextDeletion {
  client: number
  clock: number
  length: number
  accountId: string
  name: string
  delegation: Delegation | null
  at: string
}

/** The author of every Yjs client id a document's clients have written with, and who deleted what. */
export interface AuthorshipStore {
  /**
   * Every write to the store goes through this process (memory, and SQLite, which one instance owns), so what
   * this process has recorded, or is recording, is all there is: a claim can be decided in memory, before its
   * write is durable. False where other instances write to the same store (PostgreSQL).
   */
  readonly exclusive: boolean
  /**
   * Records authors for client ids not recorded yet, atomically per id (the first author of an id stays);
   * returns the stored author of each given id, so a caller can see whether another account holds it.
   */
  record(documentName: string, authors: readonly ClientAuthor[]): Promise<ClientAuthor[]>
  list(documentName: string): Promise<ClientAuthor[]>
  recordDeletions(documentName: string, deletions: readonly TextDeletion[]): Promise<void>
  /** In the order recorded (for a range recorded twice, the later record is the deletion that happened). */
  listDeletions(documentName: string): Promise<TextDeletion[]>
}
