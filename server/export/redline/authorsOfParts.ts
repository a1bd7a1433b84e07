import type { ChangeAttribution, ChangeAuthor } from './ChangeAttribution.ts'
import type { DiffPart } from './diffTokens.ts'
import type { RedlineBlock } from './redlineBlocks.ts'

interface AuthoredChar {
  char: string
  author: ChangeAuthor | null
}

/** How far ahead an unmatched character is looked for before it is taken for notation (a bracket glyph, "AZ"). */
const lookahead = 8

function charsOf(runs: ChangeAttribution['inserted']): AuthoredChar[] {
  const chars: AuthoredChar[] = []
  for (const run of runs) {
    for (const char of run.text) if (char.trim() !== '') chars.push({ char, author: run.author })
  }
  return chars
}

function keyOf(author: ChangeAuthor | null): string {
  return author ? `${author.delegation ?? ''}|${author.name}` : ''
}

/**
 * The author of each inserted and deleted part of a redline, from the attribution of the document's history.
 * Both run in document order, so the characters of each part are matched against the attributed characters in
 * turn (spaces ignored; notation the redline adds, such as bracket glyphs, matches nothing and is skipped); a
 * part gets the author of most of its matched characters.
 */
export function authorsOfParts(
  blocks: readonly RedlineBlock[],
  attribution: ChangeAttribution,
): Map<DiffPart, ChangeAuthor | null> {
  const streams = { insert: charsOf(attribution.inserted), delete: charsOf(attribution.deleted) }
  const positions = { insert: 0, delete: 0 }
  const authors = new Map<DiffPart, ChangeAuthor | null>()
  for (const { parts } of blocks) {
    for (const part of parts) {
      if (part.op === 'equal') continue
      const stream = streams[part.op]
      const votes = new Map<string, { author: ChangeAuthor | null; count: number }>()
      for (const char of part.tokens.join('')) {
        if (char.trim() === '') continue
        const at = positions[part.op]
        let found = -1
        for (let index = at; index < Math.min(stream.length, at + lookahead); index++) {
          if (stream[index]!.char === char) {
            found = index
            break
          }
        }
        if (found < 0) continue
        positions[part.op] = found + 1
        const author = stream[found]!.author
        const vote = votes.get(keyOf(author)) ?? { author, count: 0 }
        vote.count++
        votes.set(keyOf(author), vote)
      }
      const best = [...votes.values()].sort((a, b) => b.count - a.count)[0]
      authors.set(part, best?.author ?? null)
    }
  }
  return authors
}
