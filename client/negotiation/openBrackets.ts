import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type AreaId, isAreaId, isProposer, type Proposer } from '../../shared/schema/index.ts'

/** An open bracket as the panel and the navigator count it. */
export interface OpenBracket {
  id: string
  kind: 'inline' | 'block'
  /** Priority area of the section holding it; null outside any section. */
  area: AreaId | null
  /** The article's number in document order (as the editor and exports number it), null outside articles. */
  article: number | null
  clauseId: string | null
  alternatives: { proposedBy: Proposer | null; text: string }[]
  pos: number
}

const cache = new WeakMap<ProseMirrorNode, OpenBracket[]>()

/**
 * Every bracket still in the text (inline `bracket` and paragraph-level `alternatives`), in document order.
 * Article numbers are counted in the same walk, as shared/schema/articleNumbers.ts and the editor's CSS counter
 * count them (every article in document order): one pass over the document finds brackets, areas and numbers.
 */
export function openBrackets(doc: ProseMirrorNode): OpenBracket[] {
  const cached = cache.get(doc)
  if (cached) return cached
  const found: OpenBracket[] = []
  let area: AreaId | null = null
  let article = 0
  let clauseId: string | null = null
  let inArticleEnd = -1
  doc.descendants((node, pos) => {
    if (pos >= inArticleEnd) clauseId = null
    if (node.type.name === 'charterSection') {
      area = isAreaId(node.attrs.area) ? node.attrs.area : 'other'
      return true
    }
    if (node.type.name === 'article') {
      article++
      clauseId = typeof node.attrs.clauseId === 'string' ? node.attrs.clauseId : ''
      inArticleEnd = pos + node.nodeSize
      return true
    }
    if (node.type.name === 'bracket' || node.type.name === 'alternatives') {
      const alternatives: OpenBracket['alternatives'] = []
      node.forEach((alternative) => {
        alternatives.push({
          proposedBy: isProposer(alternative.attrs.proposedBy) ? alternative.attrs.proposedBy : null,
          text: alternative.textContent,
        })
      })
      found.push({
        id: typeof node.attrs.id === 'string' ? node.attrs.id : '',
        kind: node.type.name === 'bracket' ? 'inline' : 'block',
        area,
        article: clauseId === null ? null : article,
        clauseId: clauseId || null,
        alternatives,
        pos,
      })
      // Options may hold inline brackets of their own.
      return node.type.name === 'alternatives'
    }
    // Text never holds a bracket; skip textblocks without inline children worth visiting.
    return !node.isText
  })
  cache.set(doc, found)
  return found
}

/**
 * The same brackets as the panel and the navigator show them: everything but `pos`, which moves with every
 * character typed above a bracket (a re-render of the drafting room per keystroke, for nothing on screen).
 */
export function sameBrackets(a: readonly OpenBracket[], b: readonly OpenBracket[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  return a.every((bracket, i) => {
    const other = b[i] as OpenBracket
    return (
      bracket.id === other.id &&
      bracket.kind === other.kind &&
      bracket.area === other.area &&
      bracket.article === other.article &&
      bracket.clauseId === other.clauseId &&
      bracket.alternatives.length === other.alternatives.length &&
      bracket.alternatives.every(
        (alternative, j) =>
          alternative.proposedBy === other.alternatives[j]?.proposedBy &&
          alternative.text === other.alternatives[j]?.text,
      )
    )
  })
}
