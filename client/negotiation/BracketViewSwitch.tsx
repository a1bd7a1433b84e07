import { useTranslation } from 'react-i18next'
import type { BracketView } from './useBracketView.ts'

/** Markup / Clean, as two toggle buttons in the top bar. */
export function BracketViewSwitch({
  view,
  onChange,
}: {
  view: BracketView
  onChange: (view: BracketView) => void
}) {
  const { t } = useTranslation('editor')
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="view-switch" role="group" aria-label={t('brackets.view')}>
      {(['markup', 'clean'] as const).map((candidate) => (
        <button
          key={candidate}
          type="button"
          className={`view-${candidate}-button`}
          aria-pressed={view === candidate}
          onClick={() => onChange(candidate)}
        >
          {t(`brackets.${candidate}`)}
        </button>
      ))}
    </div>
  )
}
