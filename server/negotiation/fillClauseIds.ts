import * as Y from 'yjs'
import { documentField } from '../../shared/schema/index.ts'

function articles(ydoc: Y.Doc): Y.XmlElement[] {
  return [
    ...ydoc
      .getXmlFragment(documentField)
      .createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'article'),
  ] as Y.XmlElement[]
}

/** Articles, in document order, whose clause id is missing or repeats an earlier article's. */
function articlesNeedingIds(ydoc: Y.Doc): Y.XmlElement[] {
  const seen = new Set<string>()
  return articles(ydoc).filter((article) => {
    const clauseId = article.getAttribute('clauseId') as unknown
    if (typeof clauseId !== 'string' || clauseId.length === 0 || seen.has(clauseId)) return true
    seen.add(clauseId)
    return false
  })
}

/** True if some article has no clause id, or the same one as an earlier article. Reads only. */
export function needsClauseIds(ydoc: Y.Doc): boolean {
  return articlesNeedingIds(ydoc).length > 0
}

/**
 * Gives every article without a clause id, or with a copy of an earlier article's (a paste, or one article
 * moved by two people at once), a new one. The first article keeps a shared id: it is the one references
 * already mean. Returns how many it changed.
 */
export function fillClauseIds(ydoc: Y.Doc): number {
  const needing = articlesNeedingIds(ydoc)
  ydoc.transact(() => {
    for (const article of needing) article.setAttribute('clauseId', crypto.randomUUID())
  })
  return needing.length
}
