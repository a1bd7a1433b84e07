import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

type Tab = 'comments' | 'brackets' | 'suggestions'

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
  const titles: Record<Tab, string> = {
    comments: t('brackets.panel.comments'),
    brackets: t('brackets.panel.title'),
    suggestions: tSuggestions('panel.title'),
  }
  const [tab, setTab] = useState<Tab>('comments')
  return (
    <div className="side-panels">
      <div className="side-tabs" role="tablist">
        {(['comments', 'brackets', 'suggestions'] as const).map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            id={`side-tab-${candidate}`}
            aria-selected={tab === candidate}
            aria-controls={`side-panel-${candidate}`}
            className="side-tab"
            onClick={() => setTab(candidate)}
          >
            {titles[candidate]}
            {candidate === 'brackets' && openBrackets > 0 && (
              <span className="bracket-count">{openBrackets}</span>
            )}
          </button>
        ))}
      </div>
      <div
        id="side-panel-comments"
        role="tabpanel"
        aria-labelledby="side-tab-comments"
        className="side-panel"
        hidden={tab !== 'comments'}
      >
        {comments}
      </div>
      <div
        id="side-panel-brackets"
        role="tabpanel"
        aria-labelledby="side-tab-brackets"
        className="side-panel"
        hidden={tab !== 'brackets'}
      >
        {tab === 'brackets' && brackets}
      </div>
      <div
        id="side-panel-suggestions"
        role="tabpanel"
        aria-labelledby="side-tab-suggestions"
        className="side-panel"
        hidden={tab !== 'suggestions'}
      >
        {tab === 'suggestions' && suggestions}
      </div>
    </div>
  )
}
