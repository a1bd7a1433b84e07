import { useMemo, useRef } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { type ThreadView, threadsDocumentName, threadsMapName } from '../../shared/comments/index.ts'
import {
  documentEventsMapName,
  isRestoreNotice,
  type RestoreNotice,
  restoreNoticeKey,
} from '../../shared/snapshots/index.ts'
import { useServerChannel } from '../sync/useServerChannel.ts'

interface ChannelValue {
  threads: readonly ThreadView[]
  restoreNotice: RestoreNotice | null
}

const empty: ChannelValue = { threads: [], restoreNotice: null }

function readChannel(ydoc: Y.Doc): ChannelValue {
  const notice = ydoc.getMap<unknown>(documentEventsMapName).get(restoreNoticeKey)
  return { threads: readThreads(ydoc), restoreNotice: isRestoreNotice(notice) ? notice : null }
}

function readThreads(ydoc: Y.Doc): readonly ThreadView[] {
  const threads: ThreadView[] = []
  for (const value of ydoc.getMap<unknown>(threadsMapName).values()) {
    if (value && typeof value === 'object' && 'id' in value && 'comments' in value) {
      threads.push(value as ThreadView)
    }
  }
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
}

export interface ThreadsChannel {
  threads: readonly ThreadView[]
  /** True once the server's copy of the threads has arrived. */
  loaded: boolean
  /** The latest restore of a version, if it happened while this page was open (the channel carries it too). */
  restoreNotice: RestoreNotice | null
}

/** The document's threads and restore notices, live, from the server-written `<name>--threads` channel. */
export function useThreads(documentName: string, after?: WebsocketProvider): ThreadsChannel {
  const { value, loaded } = useServerChannel(threadsDocumentName(documentName), readChannel, empty, after)
  // A restore that happened before the page opened is history, not news: the notice found on arrival is not shown.
  const onArrival = useRef<{ documentName: string; at: string | null } | null>(null)
  if (loaded && onArrival.current?.documentName !== documentName) {
    onArrival.current = { documentName, at: value.restoreNotice?.at ?? null }
  }
  const fresh =
    value.restoreNotice && value.restoreNotice.at !== onArrival.current?.at ? value.restoreNotice : null
  return useMemo(
    () => ({ threads: value.threads, loaded, restoreNotice: loaded ? fresh : null }),
    [value.threads, loaded, fresh],
  )
}
