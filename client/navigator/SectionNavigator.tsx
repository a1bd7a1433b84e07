import { type Editor, useEditorState } from '@tiptap/react'
import type { TFunction } from 'i18next'
import type { ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import { type AreaId, findPriorityArea, isAreaId } from '../../shared/schema/index.ts'
import { revealNode } from '../editor/revealNode.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { OpenBracket } from '../negotiation/openBrackets.ts'
import { type NavigatorArticle, NavigatorArticles } from './NavigatorArticles.tsx'

interface SectionEntry {
  area: AreaId
  title: string
  position: number
  firstArticle: number | null
  articleCount: number
  articles: NavigatorArticle[]
}

/** Enough of an article's opening words to recognise it in a narrow column. */
function openingWords(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length > 48 ? `${clean.slice(0, 48).replace(/\s\S*$/, '')}…` : clean
}

function readSections(editor: Editor): SectionEntry[] {
  const sections: SectionEntry[] = []
  let articleNumber = 0
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name !== 'charterSection') return
    const area = node.attrs.area
    let articleCount = 0
    const articles: NavigatorArticle[] = []
    node.forEach((child, childOffset) => {
      if (child.type.name !== 'article') return
      articleCount++
      const clauseId = child.attrs.clauseId
      articles.push({
        clauseId: typeof clauseId === 'string' ? clauseId : null,
        number: articleNumber + articleCount,
        position: offset + 1 + childOffset,
        words: openingWords(child.textContent),
      })
    })
    sections.push({
      area: isAreaId(area) ? area : 'other',
      title: node.firstChild?.textContent || findPriorityArea(isAreaId(area) ? area : 'other').title,
      position: offset,
      firstArticle: articleCount > 0 ? articleNumber + 1 : null,
      articleCount,
      articles,
    })
    articleNumber += articleCount
  })
  return sections
}

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
  const sections = useEditorState({
    editor,
    selector: ({ editor: current }) => readSections(current),
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  })

  return (
    <nav className="navigator" aria-label={t('navigator.label')}>
      <h2 className="panel-title">{t('navigator.label')}</h2>
      <ol>
        {sections.map((section) => {
          const area = findPriorityArea(section.area)
          const openThreads = openThreadsByArea[section.area] ?? 0
          const openBrackets = brackets.filter((bracket) => bracket.area === section.area).length
          return (
            <li key={`${section.area}-${section.position}`}>
              <button
                type="button"
                className="navigator-item"
                data-area={section.area}
                onClick={() => revealNode(editor.view, section.position)}
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
