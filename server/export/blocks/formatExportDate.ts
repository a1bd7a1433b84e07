import { createFormatter } from '../../../shared/i18n/createFormatter.ts'
import { createI18n } from '../../../shared/i18n/createI18n.ts'
import type { Language } from '../../../shared/i18n/Language.ts'
import { sanitizeText } from './sanitizeText.ts'

/**
 * Formats an ISO timestamp in UTC so every delegation's copy prints the same date: `2025-03-14 09:30 UTC` in
 * English (as before labels had a language), `14 mart 2025, 09:30 UTC` in Azerbaijani.
 */
export function formatExportDate(value: string, language: Language = 'en'): string {
  const time = Date.parse(value)
  if (Number.isNaN(time)) return sanitizeText(value)
  if (language === 'az') return `${createFormatter(createI18n('az'), 'UTC').dateTime(new Date(time))} UTC`
  const iso = new Date(time).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}
