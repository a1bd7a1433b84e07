import * as Y from 'yjs'
import { encodeIntegratedState } from './encodeIntegratedState.ts'
import { hasPendingContent } from './hasPendingContent.ts'

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index])
}

/**
 * The document as one update that may replace its stored log (compaction), or null when there is none that is
 * safe. Without pending content that is the plain encoding. With it, Yjs merges the pending part in, and that merge
 * can produce bytes that do not decode or that lose content (see encodeIntegratedState): so the result is replayed
 * into an empty document and kept only if that document has the same integrated content and is still waiting for
 * something. Otherwise the log, whose updates each decode, stays as it is until the pending part integrates.
 */
export function encodeStorableState(ydoc: Y.Doc): Uint8Array | null {
  const state = Y.encodeStateAsUpdate(ydoc)
  if (!hasPendingContent(ydoc)) return state
  const replay = new Y.Doc({ guid: ydoc.guid })
  try {
    Y.applyUpdate(replay, state)
    return hasPendingContent(replay) && sameBytes(encodeIntegratedState(replay), encodeIntegratedState(ydoc))
      ? state
      : null
  } catch {
    return null
  } finally {
    replay.destroy()
  }
}
