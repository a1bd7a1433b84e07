import { SegmentedSwitch } from '../controls/SegmentedSwitch.tsx'
import type { SuggestionMode } from '../editor/suggestions/SuggestionEditing.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

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
    <SegmentedSwitch
      label={t('mode.label')}
      className="suggestion-mode"
      options={allowed.map((candidate) => ({
        value: candidate,
        label: t(`mode.${candidate}`),
        className: `mode-${candidate}-button`,
      }))}
      value={mode}
      onChange={onChange}
    />
  )
}
