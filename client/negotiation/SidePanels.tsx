import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'

type Tab = 'comments' | 'brackets' | 'suggestions'

interface TabDefinition {
  tab: Tab
  title: string
  content: ReactNode
  /** Kept mounted while hidden (the comments keep their drafts and highlights); the others mount when shown. */
  keepMounted: boolean
  count?: number
}

/**
 * Comments, Brackets and Suggestions share the right-hand column as tabs; the comments stay mounted when hidden.
 */
export function SidePanels({
  comments,
  brackets,
  suggestions,
  openBrackets,
}: {
  comments: ReactNode
  brackets: ReactNode
  suggestions: ReactNode
  openBrackets: number
}) {
  const { t } = useTranslation('editor')
  const { t: tSuggestions } = useTranslation('suggestions')
  const [tab, setTab] = useState<Tab>('comments')
  const tabs: TabDefinition[] = [
    { tab: 'comments', title: t('brackets.panel.comments'), content: comments, keepMounted: true },
    {
      tab: 'brackets',
      title: t('brackets.panel.title'),
      content: brackets,
      keepMounted: false,
      count: openBrackets,
    },
    { tab: 'suggestions', title: tSuggestions('panel.title'), content: suggestions, keepMounted: false },
  ]
  return (
    <div className="side-panels">
      <div className="side-tabs" role="tablist">
        {tabs.map((candidate) => (
          <button
            key={candidate.tab}
            type="button"
            role="tab"
            id={`side-tab-${candidate.tab}`}
            aria-selected={tab === candidate.tab}
            aria-controls={`side-panel-${candidate.tab}`}
            className="side-tab"
            onClick={() => setTab(candidate.tab)}
          >
            {candidate.title}
            {candidate.count !== undefined && candidate.count > 0 && (
              <span className="bracket-count">{candidate.count}</span>
            )}
          </button>
        ))}
      </div>
      {tabs.map((candidate) => (
        <div
          key={candidate.tab}
          id={`side-panel-${candidate.tab}`}
          role="tabpanel"
          aria-labelledby={`side-tab-${candidate.tab}`}
          className="side-panel"
          hidden={tab !== candidate.tab}
        >
          {(candidate.keepMounted || tab === candidate.tab) && candidate.content}
        </div>
      ))}
    </div>
  )
}
