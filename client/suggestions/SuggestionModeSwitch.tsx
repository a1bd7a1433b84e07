import { useTranslation } from 'react-i18next'
import type { SuggestionMode } from '../editor/suggestions/SuggestionEditing.ts'

/** Editing / Suggesting / Viewing, as toggle buttons in the top bar (only the modes the role allows). */
export function SuggestionModeSwitch({
  mode,
  allowed,
  onChange,
}: {
  mode: SuggestionMode
  allowed: readonly SuggestionMode[]
  onChange: (mode: SuggestionMode) => void
}) {
  const { t } = useTranslation('suggestions')
  if (allowed.length < 2) return null
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="view-switch suggestion-mode" role="group" aria-label={t('mode.label')}>
      {allowed.map((candidate) => (
        <button
          key={candidate}
          type="button"
          className={`mode-${candidate}-button`}
          aria-pressed={mode === candidate}
          onClick={() => onChange(candidate)}
        >
          {t(`mode.${candidate}`)}
        </button>
      ))}
    </div>
  )
}
