import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * Cuts one Yjs update (format v1) into smaller updates that, applied in order, give exactly what the whole
 * would. Y.applyUpdate is synchronous and its cost grows with the number of structs, so a 2 MB paste of
 * thousands of paragraphs would hold the event loop for hundreds of milliseconds; applied slice by slice, one
 * per turn, every other document and the HTTP API keep being served in between. Structs of one client stay in
 * clock order and each slice holds a contiguous run of them, so every slice only refers to what the earlier
 * ones (or the document) already have; the delete set goes last, in an update of its own.
 *
 * Returns null when the update is small enough to apply at once, or has a shape this does not cut (gaps
 * between structs, which only merged updates have).
 */
export function sliceUpdate(update: Uint8Array, maxStructsPerSlice: number): Uint8Array[] | null {
  const { structs } = Y.decodeUpdate(update)
  if (structs.length <= maxStructsPerSlice) return null
  const runs: (Y.Item | Y.GC)[][] = []
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) && !(struct instanceof Y.GC)) return null
    const run = runs.at(-1)
    const last = run?.at(-1)
    const continues =
      last !== undefined &&
      last.id.client === struct.id.client &&
      last.id.clock + last.length === struct.id.clock &&
      run !== undefined &&
      run.length < maxStructsPerSlice
    if (continues) run.push(struct)
    else if (
      last !== undefined &&
      last.id.client === struct.id.client &&
      last.id.clock + last.length !== struct.id.clock
    )
      return null
    else runs.push([struct])
  }
  const slices = runs.map(encodeRun)
  // An update with every struct already known carries only the delete set.
  const deletions = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update))
  slices.push(deletions)
  return slices
}

function encodeRun(run: (Y.Item | Y.GC)[]): Uint8Array {
  const first = run[0]!
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 1)
  encoding.writeVarUint(encoder.restEncoder, run.length)
  encoder.writeClient(first.id.client)
  encoding.writeVarUint(encoder.restEncoder, first.id.clock)
  for (const struct of run) struct.write(encoder, 0)
  // No deletions in this slice: a delete set of zero clients.
  encoding.writeVarUint(encoder.restEncoder, 0)
  return encoder.toUint8Array()
}
