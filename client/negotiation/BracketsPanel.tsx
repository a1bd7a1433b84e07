import type { Editor } from '@tiptap/react'
import { lazy, Suspense } from 'react'
import type { BracketRecord } from '../../shared/negotiation/index.ts'
import { type AreaId, findPriorityArea } from '../../shared/schema/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { CleaningControlsProps } from './CleaningControls.tsx'
import type { OpenBracket } from './openBrackets.ts'

// Cleaning needs the request schemas (zod); they stay out of the editor's first script until a panel shows.
const CleaningControls = lazy(() =>
  import('./CleaningControls.tsx').then((module) => ({ default: module.CleaningControls })),
)

interface ArticleGroup {
  article: number | null
  brackets: OpenBracket[]
}

interface AreaGroup {
  area: AreaId | null
  count: number
  articles: ArticleGroup[]
}

/** The register and the reader, for the co-chairs' cleaning controls. */
type PanelCleaning = Omit<CleaningControlsProps, 'bracket'> & { register: ReadonlyMap<string, BracketRecord> }

/** A bracket's cleaning controls, shown once their chunk has loaded. */
function LazyCleaningControls({ cleaning, bracket }: { cleaning: PanelCleaning; bracket: BracketRecord }) {
  return (
    <Suspense fallback={null}>
      <CleaningControls
        documentName={cleaning.documentName}
        bracket={bracket}
        role={cleaning.role}
        delegation={cleaning.delegation}
        accountId={cleaning.accountId}
      />
    </Suspense>
  )
}

function group(brackets: readonly OpenBracket[]): AreaGroup[] {
  const areas: AreaGroup[] = []
  for (const bracket of brackets) {
    let area = areas.find((candidate) => candidate.area === bracket.area)
    if (!area) {
      area = { area: bracket.area, count: 0, articles: [] }
      areas.push(area)
    }
    area.count++
    let article = area.articles.find((candidate) => candidate.article === bracket.article)
    if (!article) {
      article = { article: bracket.article, brackets: [] }
      area.articles.push(article)
    }
    article.brackets.push(bracket)
  }
  return areas
}

const maxSnippet = 48

function snippet(text: string, empty: string): string {
  if (text.trim() === '') return empty
  return text.length > maxSnippet ? `${text.slice(0, maxSnippet - 1)}…` : text
}

/** Open brackets by priority area and article, with counts; choosing one selects it in the text. */
export function BracketsPanel({
  editor,
  brackets,
  cleaning,
}: {
  editor: Editor
  brackets: readonly OpenBracket[]
  /** The register and the reader, for the co-chairs' cleaning controls under each bracket. */
  cleaning?: PanelCleaning
}) {
  const { t } = useTranslation('editor')
  const areas = group(brackets)
  return (
    <section className="brackets-panel" aria-label={t('brackets.panel.title')}>
      <h2 className="panel-title">
        {t('brackets.panel.title')}{' '}
        <span className="comments-count">{t('brackets.panel.openCount', { count: brackets.length })}</span>
      </h2>
      {brackets.length === 0 && <p className="comments-empty">{t('brackets.panel.empty')}</p>}
      {areas.map((area) => {
        const priority = area.area ? findPriorityArea(area.area) : null
        return (
          <div key={area.area ?? 'none'} className="brackets-area" data-area={area.area ?? ''}>
            <h3 className="brackets-area-title">
              <span>{priority ? priority.title : t('brackets.panel.outsideArticles')}</span>
              <span className="bracket-count">{area.count}</span>
            </h3>
            {area.articles.map((article) => (
              <div key={article.article ?? 'none'} className="brackets-article">
                <h4 className="brackets-article-title">
                  {article.article === null
                    ? t('brackets.panel.outsideArticles')
                    : t('navigator.article', { number: article.article })}
                  <span className="bracket-count">{article.brackets.length}</span>
                </h4>
                <ul>
                  {article.brackets.map((bracket) => (
                    <li key={bracket.id || bracket.pos}>
                      <button
                        type="button"
                        className="bracket-item"
                        data-bracket-id={bracket.id}
                        onClick={() => editor.commands.selectBracket(bracket.id)}
                      >
                        <span className="bracket-item-meta">
                          {bracket.kind === 'block'
                            ? t('brackets.panel.options', { count: bracket.alternatives.length })
                            : t('brackets.panel.alternatives', { count: bracket.alternatives.length })}
                        </span>
                        {bracket.alternatives.map((alternative, index) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: alternatives have no stable key here
                          <span key={index} className="bracket-item-alternative">
                            <span className="delegation-tag" data-delegation={alternative.proposedBy ?? ''}>
                              {alternative.proposedBy === 'joint'
                                ? t('brackets.labelJoint')
                                : (alternative.proposedBy ?? '?')}
                            </span>{' '}
                            {snippet(alternative.text, t('brackets.panel.emptyAlternative'))}
                          </span>
                        ))}
                      </button>
                      {cleaning?.register.get(bracket.id) && (
                        <LazyCleaningControls
                          cleaning={cleaning}
                          bracket={cleaning.register.get(bracket.id)!}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )
      })}
      {cleaning && <CleanedBrackets cleaning={cleaning} />}
    </section>
  )
}

/**
 * Brackets the co-chairs cleaned, newest first, from the register: they have left the text, but a drafter
 * still wants to see what was decided, by whom, and what stands now.
 */
function CleanedBrackets({ cleaning }: { cleaning: PanelCleaning }) {
  const { t } = useTranslation('editor')
  const cleaned = [...cleaning.register.values()]
    .filter((record) => record.state === 'cleaned')
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
  if (cleaned.length === 0) return null
  return (
    <details className="brackets-cleaned">
      <summary>{t('brackets.panel.cleaned', { count: cleaned.length })}</summary>
      <ul>
        {cleaned.map((record) => (
          <li key={record.id} data-bracket-id={record.id}>
            <LazyCleaningControls cleaning={cleaning} bracket={record} />
          </li>
        ))}
      </ul>
    </details>
  )
}
