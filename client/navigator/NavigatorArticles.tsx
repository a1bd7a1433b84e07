import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Editor } from '@tiptap/react'
import type { ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import { goToArticle } from '../editor/articles/crossReferencePlugin.ts'
import { revealNode } from '../editor/revealNode.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** One article as the navigator lists it: its current number and its first words. */
export interface NavigatorArticle {
  clauseId: string | null
  number: number
  /** Child indexes from the document down to the article: its section's, then its own. */
  path: readonly [number, number]
  words: string
}

/** The document position of the node at `path` (child indexes from the top), or of the nearest existing one. */
export function positionOf(doc: ProseMirrorNode, path: readonly number[]): number {
  let node = doc
  let position = 0
  for (const [depth, index] of path.entries()) {
    const last = Math.min(index, node.childCount - 1)
    if (last < 0) break
    // Entering a node's content costs its opening token; the document's content starts at 0.
    if (depth > 0) position += 1
    for (let i = 0; i < last; i++) position += node.child(i).nodeSize
    node = node.child(last)
  }
  return position
}

/** The articles of one section, each a link that puts the caret at the article's start. */
export function NavigatorArticles({
  editor,
  section,
  articles,
  statuses,
}: {
  editor: Editor
  section: string
  articles: NavigatorArticle[]
  /** Clause status by clause id, with its label; open articles carry no badge. */
  statuses?: ReadonlyMap<string, { status: ClauseStatus; label: string }>
}) {
  const { t } = useTranslation('editor')
  if (articles.length === 0) return null

  function goTo(article: NavigatorArticle) {
    if (article.clauseId && goToArticle(editor.view, article.clauseId)) return
    revealNode(editor.view, positionOf(editor.state.doc, article.path), 'center')
  }

  return (
    <ol className="navigator-articles" aria-label={t('navigator.articlesOf', { section })}>
      {articles.map((article) => (
        <li key={article.clauseId ?? `at-${article.path.join('-')}`}>
          <button
            type="button"
            className="navigator-article"
            data-clause-id={article.clauseId ?? undefined}
            onClick={() => goTo(article)}
          >
            <span className="navigator-article-number">
              {t('navigator.article', { number: article.number })}
            </span>
            {(() => {
              const known = article.clauseId ? statuses?.get(article.clauseId) : undefined
              return known && known.status !== 'open' ? (
                <span className={`clause-badge clause-${known.status}`}>{known.label}</span>
              ) : null
            })()}
            <span className="navigator-article-words">{article.words}</span>
          </button>
        </li>
      ))}
    </ol>
  )
}
