import type { Editor } from '@tiptap/react'
import type { ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import { goToArticle } from '../editor/articles/crossReferencePlugin.ts'
import { revealNode } from '../editor/revealNode.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** One article as the navigator lists it: its current number and its first words. */
export interface NavigatorArticle {
  clauseId: string | null
  number: number
  position: number
  words: string
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
    revealNode(editor.view, article.position, 'center')
  }

  return (
    <ol className="navigator-articles" aria-label={t('navigator.articlesOf', { section })}>
      {articles.map((article) => (
        <li key={article.clauseId ?? `at-${article.position}`}>
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
