import * as Y from 'yjs'

/**
 * The entry a compaction stores: the caller's state merged with the log entries it replaces, so the compacted
 * log holds everything it held before even when the state lacks something (another instance's update that
 * had not reached the caller yet). Merging needs no Y.Doc and is idempotent for what the state already has.
 * An entry that cannot be decoded cannot be applied either (loading skips it), so it is left out rather than
 * blocking every later compaction.
 */
export function mergeCompaction(state: Uint8Array, replaced: readonly Uint8Array[]): Uint8Array {
  // Decodes `state` first: a state that is no update at all must fail the compaction, not be dropped.
  Y.encodeStateVectorFromUpdate(state)
  if (replaced.length === 0) return state
  try {
    return Y.mergeUpdates([state, ...replaced])
  } catch {
    let merged = state
    for (const update of replaced) {
      try {
        merged = Y.mergeUpdates([merged, update])
      } catch {
        // Undecodable: see above.
      }
    }
    return merged
  }
}
