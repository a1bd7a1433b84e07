import { diffArrays } from 'diff'

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  tokens: string[]
}

// Beyond this many inserted plus deleted tokens a block is shown as replaced whole: a Myers diff costs
// O((n + m) · d), so this bounds the time one pathological block takes (jsdiff's maxEditLength).
const maxEditLength = 4_000

function push(parts: DiffPart[], op: DiffPart['op'], token: string): void {
  const last = parts[parts.length - 1]
  if (last?.op === op) last.tokens.push(token)
  else parts.push({ op, tokens: [token] })
}

const meaningful = /[\p{L}\p{N}]/u

function textLength(tokens: readonly string[]): number {
  return tokens.reduce((sum, token) => sum + token.length, 0)
}

/** Size of the change that starts at `index`: the longer of its deleted and inserted text. */
function changeLength(parts: readonly DiffPart[], index: number): number {
  let deleted = 0
  let inserted = 0
  for (let k = index; k < parts.length && parts[k]!.op !== 'equal'; k++) {
    if (parts[k]!.op === 'delete') deleted += textLength(parts[k]!.tokens)
    else inserted += textLength(parts[k]!.tokens)
  }
  return Math.max(deleted, inserted)
}

/**
 * Readers find "<del>a</del><ins>x</ins> <del>b</del><ins>y</ins>" unreadable. Like diff-match-patch's
 * semantic cleanup, an unchanged stretch between two changes is folded into them when it is only spaces and
 * punctuation, or no longer than the changes on either side; the result is one deletion then one insertion.
 */
function groupChanges(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  let deleted: string[] = []
  let inserted: string[] = []
  const flush = () => {
    if (deleted.length > 0) out.push({ op: 'delete', tokens: deleted })
    if (inserted.length > 0) out.push({ op: 'insert', tokens: inserted })
    deleted = []
    inserted = []
  }
  parts.forEach((part, index) => {
    if (part.op === 'delete') deleted.push(...part.tokens)
    else if (part.op === 'insert') inserted.push(...part.tokens)
    else {
      const before = Math.max(textLength(deleted), textLength(inserted))
      const after = index + 1 < parts.length ? changeLength(parts, index + 1) : 0
      const length = textLength(part.tokens)
      const trivial = !part.tokens.some((token) => meaningful.test(token))
      if (before > 0 && after > 0 && (trivial || length <= Math.min(before, after))) {
        deleted.push(...part.tokens)
        inserted.push(...part.tokens)
      } else {
        flush()
        out.push(part)
      }
    }
  })
  flush()
  return out
}

/**
 * Word diff of two token lists (jsdiff's Myers diff, tokens compared with ===), with the common prefix and
 * suffix stripped first (most edits are local), then grouped for readers (see groupChanges).
 */
export function diffTokens(before: readonly string[], after: readonly string[]): DiffPart[] {
  let prefix = 0
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++
  }
  const a = before.slice(prefix, before.length - suffix)
  const b = after.slice(prefix, after.length - suffix)
  const parts: DiffPart[] = []
  for (const token of before.slice(0, prefix)) push(parts, 'equal', token)
  const changes = a.length === 0 || b.length === 0 ? undefined : diffArrays(a, b, { maxEditLength })
  if (!changes) {
    for (const token of a) push(parts, 'delete', token)
    for (const token of b) push(parts, 'insert', token)
  } else {
    for (const change of changes) {
      const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal'
      for (const token of change.value) push(parts, op, token)
    }
  }
  for (const token of before.slice(before.length - suffix)) push(parts, 'equal', token)
  return groupChanges(parts)
}
