import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

/** [position, deleteCount, insertText] */
export type TracePatch = [number, number, string]

export interface EditingTrace {
  startContent: string
  endContent: string
  txns: { time?: string; patches: TracePatch[] }[]
}

const whereToGetIt =
  'Get automerge-paper.json.gz from the josephg/editing-traces repository (sequential_traces/) and pass ' +
  'its path with --trace; do not copy it into this repository.'

function isPatch(value: unknown): value is TracePatch {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    typeof value[2] === 'string'
  )
}

/** Reads a josephg/editing-traces file (gzipped or plain JSON); throws with a hint if it is missing. */
export function loadEditingTrace(path: string): EditingTrace {
  let raw: Buffer
  try {
    raw = readFileSync(path)
  } catch {
    throw new Error(`editing trace not found at ${path}. ${whereToGetIt}`)
  }
  const json = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
  const parsed: unknown = JSON.parse(json)
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path}: not a trace object`)
  const { startContent, endContent, txns } = parsed as Record<string, unknown>
  if (typeof startContent !== 'string' || typeof endContent !== 'string' || !Array.isArray(txns)) {
    throw new Error(`${path}: expected { startContent, endContent, txns }`)
  }
  // Checking the first transaction is enough to reject a file of another format without walking 260k.
  const first: unknown = txns[0]
  const firstPatches =
    typeof first === 'object' && first !== null ? (first as Record<string, unknown>).patches : undefined
  if (!Array.isArray(firstPatches) || !firstPatches.every(isPatch)) {
    throw new Error(`${path}: txns[0].patches is not a list of [position, deleteCount, insertText]`)
  }
  return { startContent, endContent, txns: txns as EditingTrace['txns'] }
}
