import type { JSONContent } from '@tiptap/core'
import { type AreaId, isAreaId } from '../schema/priorityAreas.ts'

/** What the negotiation needs to know about one article, read from the document itself. */
export interface ArticleFacts {
  clauseId: string | null
  /** 1-based, in document order across the whole charter: the number every view shows. */
  number: number
  area: AreaId
  node: JSONContent
  /** The article's words, blocks separated by a space. */
  text: string
  /** Brackets (inline or paragraph choices) still in the article. */
  openBrackets: number
}

const bracketTypes = new Set(['bracket', 'alternatives'])

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? ''
  const parts = (node.content ?? []).map(textOf)
  return node.type === 'paragraph' || node.type === 'heading'
    ? parts.join('')
    : parts.filter(Boolean).join(' ')
}

function countBrackets(node: JSONContent): number {
  let count = bracketTypes.has(node.type ?? '') ? 1 : 0
  for (const child of node.content ?? []) count += countBrackets(child)
  return count
}

/** Every article of a ProseMirror JSON document, in order, with its area, number and open brackets. */
export function listArticles(doc: JSONContent): ArticleFacts[] {
  const articles: ArticleFacts[] = []
  const visit = (node: JSONContent, area: AreaId) => {
    const here = node.type === 'charterSection' && isAreaId(node.attrs?.area) ? node.attrs.area : area
    if (node.type === 'article') {
      const clauseId = node.attrs?.clauseId
      articles.push({
        clauseId: typeof clauseId === 'string' ? clauseId : null,
        number: articles.length + 1,
        area: here,
        node,
        text: textOf(node),
        openBrackets: countBrackets(node),
      })
      return
    }
    for (const child of node.content ?? []) visit(child, here)
  }
  visit(doc, 'preamble')
  return articles
}
