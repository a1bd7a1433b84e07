import { useMemo } from 'react'
import { createFormatter, type Formatter } from '../../shared/i18n/createFormatter.ts'
import { useTranslation } from './useTranslation.ts'
import { viewerTimeZone } from './viewerTimeZone.ts'

/** Dates, numbers and lists in the interface language and the viewer's time zone. */
export function useFormatter(): Formatter {
  const { i18n } = useTranslation()
  const language = i18n.language
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language must give a new formatter
  return useMemo(() => createFormatter(i18n, viewerTimeZone()), [i18n, language])
}
