import { sanitizeText } from './sanitizeText.ts'

/** Formats an ISO timestamp in UTC so every delegation's copy prints the same date. */
export function formatExportDate(value: string): string {
  const time = Date.parse(value)
  if (Number.isNaN(time)) return sanitizeText(value)
  const iso = new Date(time).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}
