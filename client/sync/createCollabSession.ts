import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { batchCacheStores } from './batchCacheStores.ts'
import { coalesceRemoteChanges } from './coalesceRemoteChanges.ts'
import { collabServerUrl } from './collabServerUrl.ts'
import { loadServerState } from './loadServerState.ts'
import { SyncStatusTracker } from './SyncStatusTracker.ts'
import { watchConnection } from './watchConnection.ts'

export interface CollabSession {
  documentName: string
  ydoc: Y.Doc
  provider: WebsocketProvider
  offlineCache: IndexeddbPersistence
  syncStatus: SyncStatusTracker
  destroy(): void
}

/** The Y.Doc of one document with its WebSocket provider, offline cache (IndexedDB) and save status. */
export function createCollabSession(documentName: string): CollabSession {
  const ydoc = new Y.Doc()
  const offlineCache = new IndexeddbPersistence(`charter-desk:${documentName}`, ydoc)
  // Compressed (see the server's deflateOptions): the first sync of a new visitor carries the whole document.
  const provider = new WebsocketProvider(collabServerUrl(), documentName, ydoc, {
    maxBackoffTime: 5000,
    params: { deflate: '1' },
    connect: false,
  })
  const flushRemoteChanges = coalesceRemoteChanges(provider)
  const flushCacheStores = batchCacheStores(offlineCache, provider)
  // Connect once the local copy is loaded, so the first sync asks only for what changed since the last visit
  // (before, a repeat visit downloaded the whole document again). A browser whose IndexedDB never answers
  // (some private modes) still connects after a moment.
  const connectSoon = setTimeout(() => provider.connect(), 1500)
  let destroyed = false
  const connect = () => {
    clearTimeout(connectSoon)
    if (!provider.shouldConnect && !destroyed) provider.connect()
  }
  void offlineCache.whenSynced.then(
    async () => {
      // User Timing marks: where a slow start spends its time (DevTools' Performance panel, the bench's timeline).
      performance.mark('charter:local-copy-loaded')
      // No local copy (a first visit here): the document comes over HTTP first (see loadServerState), then the
      // socket syncs what changed meanwhile.
      if (ydoc.store.clients.size === 0) {
        clearTimeout(connectSoon)
        await loadServerState(documentName, ydoc, provider)
      }
      connect()
    },
    () => undefined,
  )
  provider.once('sync', () => performance.mark('charter:server-synced'))
  const syncStatus = new SyncStatusTracker(
    ydoc,
    provider,
    [offlineCache],
    `charter-desk:pending:${documentName}`,
  )
  const stopWatching = watchConnection(provider, () => syncStatus.refresh())
  return {
    documentName,
    ydoc,
    provider,
    offlineCache,
    syncStatus,
    destroy: () => {
      destroyed = true
      clearTimeout(connectSoon)
      stopWatching()
      syncStatus.destroy()
      flushRemoteChanges()
      provider.destroy()
      flushCacheStores()
      void offlineCache.destroy()
      ydoc.destroy()
    },
  }
}
