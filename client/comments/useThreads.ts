import { useMemo } from 'react'
import type * as Y from 'yjs'
import { type ThreadView, threadsDocumentName, threadsMapName } from '../../shared/comments/index.ts'
import { useServerChannel } from '../sync/useServerChannel.ts'

const noThreads: readonly ThreadView[] = []

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
}

/** The document's threads, live, from the server-written `<name>--threads` channel. */
export function useThreads(documentName: string): ThreadsChannel {
  const { value, loaded } = useServerChannel(threadsDocumentName(documentName), readThreads, noThreads)
  return useMemo(() => ({ threads: value, loaded }), [value, loaded])
}
