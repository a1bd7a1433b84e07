import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type ThreadView, threadsDocumentName, threadsMapName } from '../../shared/comments/index.ts'
import { collabPathPrefix } from '../../shared/protocol/index.ts'
import {
  documentEventsMapName,
  isRestoreNotice,
  type RestoreNotice,
  restoreNoticeKey,
} from '../../shared/snapshots/index.ts'

function collabServerUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}${collabPathPrefix.replace(/\/$/, '')}`
}

function readThreads(map: Y.Map<unknown>): ThreadView[] {
  const threads: ThreadView[] = []
  for (const value of map.values()) {
    if (value && typeof value === 'object' && 'id' in value && 'comments' in value) {
      threads.push(value as ThreadView)
    }
  }
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
}

export interface ThreadsChannel {
  threads: ThreadView[]
  /** True once the server's copy of the threads has arrived. */
  loaded: boolean
  /** The latest restore of a version that happened while this channel was open (the same channel carries it). */
  restoreNotice: RestoreNotice | null
}

const empty: ThreadsChannel = { threads: [], loaded: false, restoreNotice: null }

/**
 * The document's threads, live: the server publishes every changed thread into a read-only sync document
 * (`<name>--threads`); this connects a stock y-websocket provider to it and mirrors its map into state.
 */
export function useThreads(documentName: string): ThreadsChannel {
  const [channel, setChannel] = useState<ThreadsChannel>(empty)
  useEffect(() => {
    const ydoc = new Y.Doc()
    const map = ydoc.getMap<unknown>(threadsMapName)
    const events = ydoc.getMap<unknown>(documentEventsMapName)
    const provider = new WebsocketProvider(collabServerUrl(), threadsDocumentName(documentName), ydoc, {
      maxBackoffTime: 5000,
    })
    // Nobody needs to know who is reading the threads channel.
    provider.awareness.setLocalState(null)
    let loaded = false
    const update = () => setChannel((current) => ({ ...current, threads: readThreads(map), loaded }))
    // What was restored before this page opened is history, not news: only later notices are shown.
    const onEvents = (event: Y.YMapEvent<unknown>) => {
      const notice = events.get(restoreNoticeKey)
      if (loaded && event.keysChanged.has(restoreNoticeKey) && isRestoreNotice(notice)) {
        setChannel((current) => ({ ...current, restoreNotice: notice }))
      }
    }
    const onSync = (synced: boolean) => {
      if (!synced || loaded) return
      loaded = true
      update()
    }
    map.observe(update)
    events.observe(onEvents)
    provider.on('sync', onSync)
    return () => {
      map.unobserve(update)
      events.unobserve(onEvents)
      provider.off('sync', onSync)
      provider.destroy()
      ydoc.destroy()
      setChannel(empty)
    }
  }, [documentName])
  return channel
}
