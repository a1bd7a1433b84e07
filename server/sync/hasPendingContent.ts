import type * as Y from 'yjs'

/** Whether Yjs holds structs or deletions of this document back, waiting for dependencies it has not seen. */
export function hasPendingContent(ydoc: Y.Doc): boolean {
  return ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null
}
