import type { Mark, MarkType } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import type { SuggestionAuthor } from './SuggestionAuthor.ts'

/** The transaction is a suggestion (rewritten by suggestTransaction): other guards let it through. */
export const suggestionMeta = 'charterSuggestion'

/** Whether a suggestion mark is the author's own. */
export function isOwn(mark: Mark | null | undefined, author: SuggestionAuthor): mark is Mark {
  return mark != null && mark.attrs.by === author.accountId && mark.attrs.delegation === author.delegation
}

/**
 * Drops, in place, suggestion marks a local edit copied from someone else (typing inside their insertion,
 * pasting their text) and copied deletions: the server refuses new text that claims another author. Only inline content is cleaned; moving whole
 * blocks keeps their suggestions, which the server recognises.
 */
export function dropForeignSuggestions(tr: Transaction, author: SuggestionAuthor): void {
  const { insertion, deletion } = tr.doc.type.schema.marks
  if (!insertion || !deletion) return
  const ranges: [number, number][] = []
  for (const [index, step] of tr.steps.entries()) {
    if (!(step instanceof ReplaceStep) || step.slice.size === 0) continue
    let inline = true
    step.slice.content.forEach((node) => {
      if (!node.isInline) inline = false
    })
    if (!inline) continue
    // Right after the step the inserted content starts at step.from; later steps may move it.
    const map = tr.mapping.slice(index + 1)
    const from = map.map(step.from, 1)
    ranges.push([from, Math.max(from, map.map(step.from + step.slice.size, -1))])
  }
  const removals: [number, number, MarkType][] = []
  for (const [from, to] of ranges) {
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true
      const start = Math.max(pos, from)
      const end = Math.min(pos + node.nodeSize, to)
      for (const type of [insertion, deletion]) {
        const mark = type.isInSet(node.marks)
        if (mark && (type === deletion || !isOwn(mark, author))) removals.push([start, end, type])
      }
      return false
    })
  }
  for (const [from, to, type] of removals) tr.removeMark(from, to, type)
}
