import type { Editor } from '@tiptap/react'
import type { TFunction } from 'i18next'
import type { ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import { findPriorityArea } from '../../shared/schema/index.ts'
import { revealNode } from '../editor/revealNode.ts'
import { useEditorSelector } from '../editor/useEditorSelector.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { OpenBracket } from '../negotiation/openBrackets.ts'
import { NavigatorArticles, positionOf } from './NavigatorArticles.tsx'
import { readSections, type SectionEntry, sameSections } from './readSections.ts'

function articleRange(t: TFunction<'editor'>, { firstArticle, articleCount }: SectionEntry): string {
  if (firstArticle === null) return t('navigator.noArticles')
  return articleCount === 1
    ? t('navigator.article', { number: firstArticle })
    : t('navigator.articles', { first: firstArticle, last: firstArticle + articleCount - 1 })
}

/** Outline of the charter by priority area, read from the document itself, with open comment threads per area. */
export function SectionNavigator({
  editor,
  openThreadsByArea = {},
  brackets = [],
  statuses,
}: {
  editor: Editor
  openThreadsByArea?: Record<string, number>
  brackets?: readonly OpenBracket[]
  statuses?: ReadonlyMap<string, { status: ClauseStatus; label: string }>
}) {
  const { t } = useTranslation('editor')
  const sections = useEditorSelector(editor, (current) => readSections(current.state.doc), sameSections, [])

  return (
    <nav className="navigator" aria-label={t('navigator.label')}>
      <h2 className="panel-title">{t('navigator.label')}</h2>
      <ol>
        {sections.map((section) => {
          const area = findPriorityArea(section.area)
          const openThreads = openThreadsByArea[section.area] ?? 0
          const openBrackets = brackets.filter((bracket) => bracket.area === section.area).length
          return (
            <li key={`${section.area}-${section.index}`}>
              <button
                type="button"
                className="navigator-item"
                data-area={section.area}
                onClick={() => revealNode(editor.view, positionOf(editor.state.doc, [section.index]))}
              >
                <span className="navigator-badge" aria-hidden="true">
                  {area.number ?? '·'}
                </span>
                <span className="navigator-text">
                  <span className="navigator-title">{section.title}</span>
                  <span className="navigator-meta">
                    {area.number ? t('navigator.priorityArea', { number: area.number }) : ''}
                    {articleRange(t, section)}
                  </span>
                </span>
                {openBrackets > 0 && (
                  <span
                    className="bracket-count"
                    title={t('navigator.openBrackets', { count: openBrackets })}
                  >
                    <span aria-hidden="true">[{openBrackets}]</span>
                    <span className="visually-hidden">
                      {t('navigator.openBrackets', { count: openBrackets })}
                    </span>
                  </span>
                )}
                {openThreads > 0 && (
                  <span className="thread-count" title={t('navigator.openThreads', { count: openThreads })}>
                    <span aria-hidden="true">{openThreads}</span>
                    <span className="visually-hidden">
                      {t('navigator.openThreads', { count: openThreads })}
                    </span>
                  </span>
                )}
              </button>
              <NavigatorArticles
                editor={editor}
                section={section.title}
                articles={section.articles}
                statuses={statuses}
              />
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
