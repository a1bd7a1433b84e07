import * as Y from 'yjs'
import { hasPendingContent } from './hasPendingContent.ts'

/**
 * The document as an update, without what Yjs holds back as pending (structs and deletions whose dependencies
 * have not arrived). `Y.encodeStateAsUpdate` merges those in with `mergeUpdates`, which produces an update that
 * cannot be decoded when a pending struct overlaps clocks the document already has (a forged or corrupted update
 * does that; see encodeStorableState.test.ts): a client, a snapshot or a server change built from it would fail.
 * Pending content is invisible anyway, and once its dependencies arrive it is integrated in that transaction and
 * so is part of the update every member receives.
 */
export function encodeIntegratedState(ydoc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  if (!hasPendingContent(ydoc)) return Y.encodeStateAsUpdate(ydoc, stateVector)
  const store = ydoc.store
  const { pendingStructs, pendingDs } = store
  store.pendingStructs = null
  store.pendingDs = null
  try {
    return Y.encodeStateAsUpdate(ydoc, stateVector)
  } finally {
    store.pendingStructs = pendingStructs
    store.pendingDs = pendingDs
  }
}
