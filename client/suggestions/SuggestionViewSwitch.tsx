import { useTranslation } from 'react-i18next'
import { type Delegation, delegations, isDelegation } from '../../shared/roles/index.ts'
import { type SuggestionView, suggestionViews } from './useSuggestionView.ts'

/** Markup / Final / Original / Show authors, and which delegation's suggestions to show. */
export function SuggestionViewSwitch({
  view,
  delegation,
  onView,
  onDelegation,
}: {
  view: SuggestionView
  delegation: Delegation | null
  onView: (view: SuggestionView) => void
  onDelegation: (delegation: Delegation | null) => void
}) {
  const { t } = useTranslation('suggestions')
  return (
    <div className="suggestion-views">
      <select
        className="suggestion-view-select"
        aria-label={t('view.label')}
        value={view}
        onChange={(event) => {
          const next = suggestionViews.find((candidate) => candidate === event.target.value)
          if (next) onView(next)
        }}
      >
        {suggestionViews.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`view.${candidate}`)}
          </option>
        ))}
      </select>
      <select
        className="suggestion-filter-select"
        aria-label={t('filter.label')}
        value={delegation ?? ''}
        onChange={(event) => onDelegation(isDelegation(event.target.value) ? event.target.value : null)}
      >
        <option value="">{t('filter.all')}</option>
        {delegations.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t('filter.delegation', { delegation: candidate })}
          </option>
        ))}
      </select>
    </div>
  )
}
