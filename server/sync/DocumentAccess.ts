import type * as Y from 'yjs'

/**
 * Server-side access to live documents, for services that are not clients (comments, snapshots, restore).
 * Both calls load the document for their duration if nobody has it open.
 */
export interface DocumentAccess {
  /** Runs `read` on the document's current state, after everything acknowledged so far is applied. */
  read<T>(documentName: string, read: (ydoc: Y.Doc) => T): Promise<T>
  /**
   * Submits a server-origin change that is stored like any other: `mutate` edits a copy of the document, and
   * the difference is appended to the store, then applied and broadcast, exactly like a client's update.
   * Changes to one document run one after another, so each sees the one before it.
   */
  change(documentName: string, mutate: (ydoc: Y.Doc) => void): Promise<void>
}
