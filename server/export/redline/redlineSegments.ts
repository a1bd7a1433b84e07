import { superscriptMarks } from '../blocks/superscriptMarks.ts'
import type { ChangeAuthor } from './ChangeAttribution.ts'
import type { DiffPart } from './diffTokens.ts'

export interface RedlineSegment {
  op: DiffPart['op']
  text: string
  /** A proposer ("AZ") after an alternative, printed raised as in the plain export. */
  superscript: boolean
  /** Who inserted or deleted it, when the redline is attributed. */
  author?: ChangeAuthor | null
}

/**
 * Cuts a block's diff into printable segments, turning the superscript marks of `blockText` into a flag.
 * The marks are followed across parts, because a change of proposer ("AZ" deleted, "US" inserted) sits
 * between an unchanged opening and closing mark.
 */
export function redlineSegments(
  parts: readonly DiffPart[],
  authors?: ReadonlyMap<DiffPart, ChangeAuthor | null>,
): RedlineSegment[] {
  const segments: RedlineSegment[] = []
  let superscript = false
  for (const part of parts) {
    let text = ''
    const flush = () => {
      if (text !== '') segments.push({ op: part.op, text, superscript, author: authors?.get(part) })
      text = ''
    }
    for (const char of part.tokens.join('')) {
      if (char === superscriptMarks.open || char === superscriptMarks.close) {
        flush()
        superscript = char === superscriptMarks.open
      } else text += char
    }
    flush()
  }
  return segments
}
