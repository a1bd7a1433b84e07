import type { RedlineBlock } from './redlineBlocks.ts'

/** Words (tokens holding a letter or digit) inserted or deleted across the redline, for its summary line. */
export function countRedlineWords(blocks: readonly RedlineBlock[], op: 'insert' | 'delete'): number {
  let words = 0
  for (const { parts } of blocks) {
    for (const part of parts) {
      if (part.op === op)
        words += part.tokens
          .join(' ')
          .split(/\s+/)
          .filter((word) => /[\p{L}\p{N}]/u.test(word)).length
    }
  }
  return words
}
