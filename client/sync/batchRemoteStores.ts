import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

/** How long collaborators' changes may wait before the local copy keeps them (the server has them already). */
const batchMs = 250

/**
 * Makes the offline cache keep collaborators' changes in batches: y-indexeddb opens one IndexedDB transaction per
 * Yjs update, which with twenty typists is ~100 a second on the page's main thread. The user's own edits are still
 * stored at once (after any batch waiting, so the stored order stays the order of the document). Returns a flush
 * for the session's end.
 */
export function batchRemoteStores(
  cache: Pick<IndexeddbPersistence, 'doc' | '_storeUpdate'>,
  remoteOrigin: unknown,
): () => void {
  const store = cache._storeUpdate
  let waiting: Uint8Array[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = null
    if (waiting.length === 0) return
    const batch = waiting.length === 1 ? (waiting[0] as Uint8Array) : Y.mergeUpdates(waiting)
    waiting = []
    store(batch, null)
  }
  const batched = (update: Uint8Array, origin: unknown) => {
    if (origin === cache) return
    if (origin !== remoteOrigin) {
      flush()
      store(update, origin)
      return
    }
    waiting.push(update)
    timer ??= setTimeout(flush, batchMs)
  }
  cache.doc.off('update', store)
  cache.doc.on('update', batched)
  // y-indexeddb's destroy() unsubscribes `_storeUpdate`: it must be this handler now.
  cache._storeUpdate = batched
  return flush
}
