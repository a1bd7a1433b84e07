import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type AreaId, findPriorityArea, isAreaId } from '../../shared/schema/index.ts'
import type { NavigatorArticle } from './NavigatorArticles.tsx'

export interface SectionEntry {
  area: AreaId
  title: string
  /** The section's index among the document's top-level nodes (positions are computed on click: text typed
   * above a section moves its position on every keystroke, its index only when the structure changes). */
  index: number
  firstArticle: number | null
  articleCount: number
  articles: NavigatorArticle[]
}

/** How many characters of an article the navigator reads: enough for its opening words. */
const openingLength = 120

/** Enough of an article's opening words to recognise it in a narrow column. */
function openingWords(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length > 48 ? `${clean.slice(0, 48).replace(/\s\S*$/, '')}…` : clean
}

/** The first characters of a node's text, without building the text of the whole node. */
function openingText(node: ProseMirrorNode): string {
  let text = ''
  node.descendants((child) => {
    if (text.length >= openingLength) return false
    if (child.isText) text += child.text ?? ''
    else if (child.isBlock && text !== '') text += ' '
    return true
  })
  return text.slice(0, openingLength)
}

// ProseMirror nodes are immutable and an unchanged article keeps its node across transactions (patches/README.md),
// so each article's opening words are read once per version of that article, not once per keystroke anywhere.
const wordsByArticle = new WeakMap<ProseMirrorNode, string>()

function wordsOf(article: ProseMirrorNode): string {
  let words = wordsByArticle.get(article)
  if (words === undefined) {
    words = openingWords(openingText(article))
    wordsByArticle.set(article, words)
  }
  return words
}

export function readSections(doc: ProseMirrorNode): SectionEntry[] {
  const sections: SectionEntry[] = []
  let articleNumber = 0
  doc.forEach((node, _offset, index) => {
    if (node.type.name !== 'charterSection') return
    const area = node.attrs.area
    let articleCount = 0
    const articles: NavigatorArticle[] = []
    node.forEach((child, _childOffset, childIndex) => {
      if (child.type.name !== 'article') return
      articleCount++
      const clauseId = child.attrs.clauseId
      articles.push({
        clauseId: typeof clauseId === 'string' ? clauseId : null,
        number: articleNumber + articleCount,
        path: [index, childIndex],
        words: wordsOf(child),
      })
    })
    sections.push({
      area: isAreaId(area) ? area : 'other',
      title: node.firstChild?.textContent || findPriorityArea(isAreaId(area) ? area : 'other').title,
      index,
      firstArticle: articleCount > 0 ? articleNumber + 1 : null,
      articleCount,
      articles,
    })
    articleNumber += articleCount
  })
  return sections
}

function sameArticle(a: NavigatorArticle, b: NavigatorArticle): boolean {
  return (
    a.clauseId === b.clauseId &&
    a.number === b.number &&
    a.words === b.words &&
    a.path[0] === b.path[0] &&
    a.path[1] === b.path[1]
  )
}

/** Field by field: the selector runs on every transaction, remote keystrokes included. */
export function sameSections(a: SectionEntry[], b: SectionEntry[] | null): boolean {
  if (!b || a.length !== b.length) return false
  return a.every((section, i) => {
    const other = b[i] as SectionEntry
    return (
      section.area === other.area &&
      section.title === other.title &&
      section.index === other.index &&
      section.firstArticle === other.firstArticle &&
      section.articles.length === other.articles.length &&
      section.articles.every((article, j) => sameArticle(article, other.articles[j] as NavigatorArticle))
    )
  })
}
