import * as Y from 'yjs'

type DeleteRanges = Map<number, { clock: number; len: number }[]>

/** True if [clock, clock + len) lies inside one of the sorted, merged ranges. */
function covered(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = ranges[middle]!
    if (range.clock + range.len <= clock) low = middle + 1
    else if (range.clock > clock) high = middle - 1
    else return clock + len <= range.clock + range.len
  }
  return false
}

/**
 * What the state already holds, to test log entries against: its state vector and its delete set. Decoding
 * once is linear in the state; merging it with every entry, as Y.mergeUpdates does, is far dearer (a trace of
 * 30,000 keystrokes spent 12 s of CPU merging at one compaction).
 */
function contentsOf(state: Uint8Array): { clocks: Map<number, number>; deleted: DeleteRanges } {
  const { ds } = Y.decodeUpdate(state)
  const deleted: DeleteRanges = new Map()
  for (const [client, ranges] of ds.clients) {
    // Decoded delete sets are sorted and merged per client only when the encoder did so: make sure.
    const sorted = [...ranges].sort((a, b) => a.clock - b.clock)
    const merged: { clock: number; len: number }[] = []
    for (const range of sorted) {
      const last = merged.at(-1)
      if (last && last.clock + last.len >= range.clock) {
        last.len = Math.max(last.len, range.clock + range.len - last.clock)
      } else merged.push({ clock: range.clock, len: range.len })
    }
    deleted.set(client, merged)
  }
  return { clocks: Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)), deleted }
}

/**
 * True if applying `update` to a document holding `contents` would add an insertion or a deletion. Decodes the
 * update once (Y.parseUpdateMeta and Y.decodeUpdate would each decode it: half a compaction's CPU).
 */
function addsTo(contents: ReturnType<typeof contentsOf>, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length > (contents.clocks.get(struct.id.client) ?? 0)) return true
  }
  for (const [client, ranges] of ds.clients) {
    const known = contents.deleted.get(client) ?? []
    for (const range of ranges) if (!covered(known, range.clock, range.len)) return true
  }
  return false
}

/**
 * The entry a compaction stores: the caller's state, merged with those log entries it replaces that hold
 * something the state lacks (another instance's update that had not reached the caller yet), so the compacted
 * log holds everything it held before. Usually the state has all of them and is stored as it is. An entry that
 * cannot be decoded cannot be applied either (loading skips it), so it is left out rather than blocking every
 * later compaction.
 */
export function mergeCompaction(state: Uint8Array, replaced: readonly Uint8Array[]): Uint8Array {
  // Decodes `state` first: a state that is no update at all must fail the compaction, not be dropped.
  const contents = contentsOf(state)
  const missing = replaced.filter((update) => {
    try {
      return addsTo(contents, update)
    } catch {
      return false
    }
  })
  if (missing.length === 0) return state
  try {
    return Y.mergeUpdates([state, ...missing])
  } catch {
    let merged = state
    for (const update of missing) {
      try {
        merged = Y.mergeUpdates([merged, update])
      } catch {
        // Undecodable: see above.
      }
    }
    return merged
  }
}
