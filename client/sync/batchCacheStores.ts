import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { afterNextPaint } from './afterNextPaint.ts'

/** How long collaborators' changes may wait before the local copy keeps them (the server has them already). */
const batchMs = 250

/**
 * Makes the offline cache keep changes in batches: y-indexeddb opens one IndexedDB transaction per Yjs update,
 * which with twenty typists is ~100 a second on the page's main thread, and one per keystroke of the user's own,
 * in the keystroke's task before its frame is painted. Collaborators' changes wait up to 250 ms; the user's own
 * are stored just after the frame that shows them (IndexedDB commits asynchronously anyway), with whatever was
 * waiting before them, so the stored order stays the order of the document. Returns a flush for the session's
 * end; a page being hidden or closed flushes too.
 */
export function batchCacheStores(
  cache: Pick<IndexeddbPersistence, 'doc' | '_storeUpdate'>,
  remoteOrigin: unknown,
): () => void {
  const store = cache._storeUpdate
  let waiting: Uint8Array[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let ownWaiting = false
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = null
    ownWaiting = false
    if (waiting.length === 0) return
    const batch = waiting.length === 1 ? (waiting[0] as Uint8Array) : Y.mergeUpdates(waiting)
    waiting = []
    store(batch, null)
  }
  const batched = (update: Uint8Array, origin: unknown) => {
    if (origin === cache) return
    waiting.push(update)
    if (origin !== remoteOrigin) {
      if (!ownWaiting) afterNextPaint(flush)
      ownWaiting = true
      return
    }
    timer ??= setTimeout(flush, batchMs)
  }
  cache.doc.off('update', store)
  cache.doc.on('update', batched)
  // y-indexeddb's destroy() unsubscribes `_storeUpdate`: it must be this handler now.
  cache._storeUpdate = batched
  if (typeof addEventListener === 'function') addEventListener('pagehide', flush)
  return () => {
    if (typeof removeEventListener === 'function') removeEventListener('pagehide', flush)
    flush()
  }
}
