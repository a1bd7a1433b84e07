export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  tokens: string[]
}

// An LCS table beyond this many cells (~32 MB) is not worth it: such a block is shown as replaced whole.
const maxCells = 8_000_000

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
 * Longest-common-subsequence diff of two token lists, with the common prefix and suffix stripped first
 * (most edits are local, so the table stays small). Equal tokens are compared with ===.
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

  const n = a.length
  const m = b.length
  if ((n + 1) * (m + 1) > maxCells) {
    for (const token of a) push(parts, 'delete', token)
    for (const token of b) push(parts, 'insert', token)
  } else {
    // lcs[i * (m + 1) + j] = length of the LCS of a[i..] and b[j..], so the walk below runs forwards.
    const width = m + 1
    const lcs = new Uint32Array((n + 1) * width)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          a[i] === b[j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < n && j < m) {
      if (a[i] === b[j]) {
        push(parts, 'equal', a[i]!)
        i++
        j++
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        push(parts, 'delete', a[i]!)
        i++
      } else {
        push(parts, 'insert', b[j]!)
        j++
      }
    }
    for (; i < n; i++) push(parts, 'delete', a[i]!)
    for (; j < m; j++) push(parts, 'insert', b[j]!)
  }
  for (const token of before.slice(before.length - suffix)) push(parts, 'equal', token)
  return groupChanges(parts)
}
