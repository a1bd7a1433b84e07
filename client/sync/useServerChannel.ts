import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { collabServerUrl } from './collabServerUrl.ts'

export interface ServerChannel<T> {
  items: readonly T[]
  /** True once the server's copy has arrived. */
  loaded: boolean
}

/**
 * A read-only channel the server writes (the threads of a document, its bracket register, …): a sync document
 * whose one map the server fills and every client mirrors into state through a stock y-websocket provider.
 * Clients never write it; the server refuses it if they try. `read` turns the map into items and must be a
 * stable function (module level), as it is part of the subscription.
 */
export function useServerChannel<T>(
  channelName: string,
  mapName: string,
  read: (map: Y.Map<unknown>) => T[],
): ServerChannel<T> {
  const [channel, setChannel] = useState<ServerChannel<T>>({ items: [], loaded: false })
  useEffect(() => {
    const ydoc = new Y.Doc()
    const map = ydoc.getMap<unknown>(mapName)
    const provider = new WebsocketProvider(collabServerUrl(), channelName, ydoc, { maxBackoffTime: 5000 })
    // Nobody needs to know who is reading a channel.
    provider.awareness.setLocalState(null)
    let loaded = false
    const update = () => setChannel({ items: read(map), loaded })
    const onSync = (synced: boolean) => {
      if (!synced || loaded) return
      loaded = true
      update()
    }
    map.observe(update)
    provider.on('sync', onSync)
    return () => {
      map.unobserve(update)
      provider.off('sync', onSync)
      provider.destroy()
      ydoc.destroy()
      setChannel({ items: [], loaded: false })
    }
  }, [channelName, mapName, read])
  return channel
}
