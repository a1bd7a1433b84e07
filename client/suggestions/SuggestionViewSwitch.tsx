import { type Delegation, delegations, isDelegation } from '../../shared/roles/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { type SuggestionView, suggestionViews } from './SuggestionView.ts'
import type { Round } from './useSuggestionFilter.ts'

/** Markup / Final / Original / Show authors, and which suggestions to show: by delegation, since a round. */
export function SuggestionViewSwitch({
  view,
  delegation,
  since,
  rounds,
  onView,
  onDelegation,
  onSince,
}: {
  view: SuggestionView
  delegation: Delegation | null
  since: Round | null
  rounds: readonly Round[]
  onView: (view: SuggestionView) => void
  onDelegation: (delegation: Delegation | null) => void
  onSince: (round: Round | null) => void
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
      {rounds.length > 0 && (
        <select
          className="suggestion-since-select"
          aria-label={t('filter.sinceLabel')}
          value={since?.id ?? ''}
          onChange={(event) =>
            onSince(rounds.find((round) => String(round.id) === event.target.value) ?? null)
          }
        >
          <option value="">{t('filter.allRounds')}</option>
          {rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {t('filter.since', { name: round.name })}
            </option>
          ))}
        </select>
      )}
    </div>
  )
}
