import * as Y from 'yjs'
import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'
import { documentField } from '../../../shared/schema/index.ts'

/** Any shared type; Yjs types their event parameter, which does not matter here. */
type SharedType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>

const statusWords: Record<ClauseStatus, string> = {
  open: 'open',
  reopened: 'reopened',
  agreedAdRef: 'agreed ad referendum',
  agreed: 'agreed',
  initialled: 'initialled',
}

function isArticle(type: unknown): type is Y.XmlElement {
  return type instanceof Y.XmlElement && type.nodeName === 'article'
}

/** Leaf blocks hold text, never articles: typing outside articles then costs no comparison. */
const textBlocks = new Set(['paragraph', 'heading'])

/** True if `type`'s list of children changed and articles may be among them. */
function mayHoldArticles(type: SharedType, transaction: Y.Transaction): boolean {
  if (!transaction.changed.get(type)?.has(null)) return false
  if (type instanceof Y.XmlFragment && !(type instanceof Y.XmlElement)) return true
  return type instanceof Y.XmlElement && !textBlocks.has(type.nodeName)
}

/** Every article of the document in order, with its clause id. */
function articlesOf(ydoc: Y.Doc): { clauseId: unknown; element: Y.XmlElement }[] {
  const articles: { clauseId: unknown; element: Y.XmlElement }[] = []
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (isArticle(child)) articles.push({ clauseId: child.getAttribute('clauseId'), element: child })
      else visit(child)
    }
  }
  visit(ydoc.getXmlFragment(documentField))
  return articles
}

/** An article's content as Yjs serialises it (text with its formatting, nested elements with attributes). */
function contentOf(article: Y.XmlElement): string {
  return article
    .toArray()
    .map((child) => child.toString())
    .join('')
}

/** The content of each protected clause as it is in `ydoc` (absent if the clause is not in the document). */
export function protectedContentOf(
  ydoc: Y.Doc,
  clauses: ReadonlyMap<string, ClauseStatus>,
): Map<string, string> {
  const content = new Map<string, string>()
  if (clauses.size === 0) return content
  for (const { clauseId, element } of articlesOf(ydoc)) {
    if (typeof clauseId === 'string' && clauses.has(clauseId) && !content.has(clauseId)) {
      content.set(clauseId, contentOf(element))
    }
  }
  return content
}

function articleNumber(ydoc: Y.Doc, clauseId: string): string {
  const index = articlesOf(ydoc).findIndex((article) => article.clauseId === clauseId)
  return index >= 0 ? `Article ${index + 1}` : 'an article'
}

/** "Article 3 is agreed ad referendum": how a refusal names a protected clause. */
export function describeProtectedClause(
  ydoc: Y.Doc,
  clauseId: string,
  clauses: ReadonlyMap<string, ClauseStatus>,
): string {
  const status = clauses.get(clauseId)
  return `${articleNumber(ydoc, clauseId)} is ${status ? statusWords[status] : 'agreed'}`
}

/** The protected clause `type` lies in (its enclosing article's clause id, if that clause is protected), or null. */
export function protectedClauseOf(
  type: SharedType,
  clauses: ReadonlyMap<string, ClauseStatus>,
): string | null {
  if (clauses.size === 0) return null
  for (let current: SharedType | null = type; current; ) {
    if (isArticle(current)) {
      const clauseId = current.getAttribute('clauseId')
      return typeof clauseId === 'string' && clauses.has(clauseId) ? clauseId : null
    }
    current = (current._item?.parent as SharedType | undefined) ?? null
  }
  return null
}

/**
 * Why `transaction` (just applied to `ydoc`) changes the text of a protected clause, or null. With
 * `suggestionsOnly` a change inside a protected article is left to the suggestion rules (findSuggestionViolation,
 * which then requires suggestions there) instead of being refused here. Typing inside an
 * open article only walks up from the changed types; only a change to the list of articles itself (an article
 * moved, deleted or inserted) compares each protected clause's content with `before` — so moving agreed text
 * whole is allowed, and deleting or altering it is not.
 */
export function findProtectedClauseChange(
  transaction: Y.Transaction,
  ydoc: Y.Doc,
  clauses: ReadonlyMap<string, ClauseStatus>,
  before: ReadonlyMap<string, string>,
  suggestionsOnly = false,
): string | null {
  if (clauses.size === 0) return null
  let structural = false
  for (const changed of transaction.changed.keys()) {
    let type: SharedType | null = changed as SharedType
    let inArticle = false
    while (type) {
      if (isArticle(type)) {
        inArticle = true
        const clauseId = type.getAttribute('clauseId')
        const status = typeof clauseId === 'string' ? clauses.get(clauseId) : undefined
        // An attribute change on the article itself may be its clause id: the comparison below decides.
        if (type === changed && transaction.changed.get(changed)?.has('clauseId')) structural = true
        else if (status && !suggestionsOnly) {
          return `${articleNumber(ydoc, clauseId as string)} is ${statusWords[status]}: its text cannot be changed without both delegations`
        }
        break
      }
      type = (type._item?.parent as SharedType | undefined) ?? null
    }
    if (!inArticle && mayHoldArticles(changed, transaction)) structural = true
  }
  if (!structural) return null
  const after = protectedContentOf(ydoc, clauses)
  for (const [clauseId, status] of clauses) {
    if (after.get(clauseId) !== before.get(clauseId)) {
      const where = after.has(clauseId) ? articleNumber(ydoc, clauseId) : 'An article'
      const what = after.has(clauseId) ? 'its text cannot be changed' : 'it cannot be deleted'
      return `${where} is ${statusWords[status]}: ${what} without both delegations`
    }
  }
  return null
}
