import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { collabServerUrl } from './collabServerUrl.ts'

/** How long a channel waits for its document's first sync before connecting anyway. */
const channelDelayMs = 4000

export interface ServerChannel<T> {
  value: T
  /** True once the server's copy has arrived. */
  loaded: boolean
}

/**
 * A read-only channel the server writes (the threads of a document, its bracket register, …): a sync document
 * the server fills and every client mirrors into state through a stock y-websocket provider. Clients never
 * write it; the server refuses it if they try. `read` turns the document into a value after every change and
 * must be a stable function (module level), as it is part of the subscription; `empty` is the value before
 * anything arrived. With `after` (the document's own provider), the channel connects once that one has synced:
 * Chromium opens one WebSocket per host at a time, and on a slow link each handshake is a round trip the
 * document's first sync should not queue behind.
 */
export function useServerChannel<T>(
  channelName: string,
  read: (ydoc: Y.Doc) => T,
  empty: T,
  after?: WebsocketProvider,
): ServerChannel<T> {
  const [channel, setChannel] = useState<ServerChannel<T>>({ value: empty, loaded: false })
  useEffect(() => {
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(collabServerUrl(), channelName, ydoc, {
      maxBackoffTime: 5000,
      connect: !after || after.synced,
    })
    const connect = () => {
      clearTimeout(fallback)
      after?.off('sync', onDocumentSync)
      if (!provider.shouldConnect) provider.connect()
    }
    const onDocumentSync = (synced: boolean) => synced && connect()
    // Offline or refused, the document never syncs: the channel still tries after a moment.
    const fallback = setTimeout(connect, after && !after.synced ? channelDelayMs : 0)
    if (after && !after.synced) after.on('sync', onDocumentSync)
    // Nobody needs to know who is reading a channel.
    provider.awareness.setLocalState(null)
    let loaded = false
    const update = () => setChannel({ value: read(ydoc), loaded })
    const onSync = (synced: boolean) => {
      if (!synced || loaded) return
      loaded = true
      update()
    }
    ydoc.on('update', update)
    provider.on('sync', onSync)
    return () => {
      clearTimeout(fallback)
      after?.off('sync', onDocumentSync)
      ydoc.off('update', update)
      provider.off('sync', onSync)
      provider.destroy()
      ydoc.destroy()
      setChannel({ value: empty, loaded: false })
    }
  }, [channelName, read, empty, after])
  return channel
}
