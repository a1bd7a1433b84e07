import type { Delegation } from '../../shared/roles/index.ts'

/** Who wrote with one Yjs client id in one document, as the server saw it (the session, never the client's word). */
export interface ClientAuthor {
  clientId: number
  accountId: string
  name: string
  delegation: Delegation | null
  firstSeen: string
}

/** The author of every Yjs client id a document's clients have written with. */
export interface AuthorshipStore {
  /**
   * Records authors for client ids not recorded yet, atomically per id (the first author of an id stays);
   * returns the stored author of each given id, so a caller can see whether another account holds it.
   */
  record(documentName: string, authors: readonly ClientAuthor[]): Promise<ClientAuthor[]>
  list(documentName: string): Promise<ClientAuthor[]>
}
