import { SegmentedSwitch } from '../controls/SegmentedSwitch.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { BracketView } from './useBracketView.ts'

/** Markup / Clean, as two toggle buttons in the view bar. */
export function BracketViewSwitch({
  view,
  onChange,
}: {
  view: BracketView
  onChange: (view: BracketView) => void
}) {
  const { t } = useTranslation('editor')
  return (
    <SegmentedSwitch
      label={t('brackets.view')}
      options={(['markup', 'clean'] as const).map((candidate) => ({
        value: candidate,
        label: t(`brackets.${candidate}`),
        className: `view-${candidate}-button`,
      }))}
      value={view}
      onChange={onChange}
    />
  )
}
