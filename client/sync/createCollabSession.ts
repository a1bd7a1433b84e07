import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { collabServerUrl } from './collabServerUrl.ts'
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
  const provider = new WebsocketProvider(collabServerUrl(), documentName, ydoc, { maxBackoffTime: 5000 })
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
      stopWatching()
      syncStatus.destroy()
      provider.destroy()
      void offlineCache.destroy()
      ydoc.destroy()
    },
  }
}
