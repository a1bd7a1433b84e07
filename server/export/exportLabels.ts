import type { ExportMeta } from './ExportInput.ts'
import { sanitizeText } from './sanitizeText.ts'

export interface ExportLabels {
  title: string
  /** "DRAFT — <snapshot name> — <date>", the running header of every format. */
  header: string
  snapshotName: string
  date: string
  contentHash: string
  /** One line for footers: snapshot, date and hash. */
  footer: string
}

/** Formats an ISO timestamp in UTC so every delegation's copy prints the same date. */
export function formatExportDate(value: string): string {
  const time = Date.parse(value)
  if (Number.isNaN(time)) return sanitizeText(value)
  const iso = new Date(time).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** The identifying texts shared by all formats, so a printed page can be traced back to its snapshot. */
export function exportLabels(meta: ExportMeta): ExportLabels {
  const snapshotName = sanitizeText(meta.snapshotName).trim() || 'Untitled snapshot'
  const date = formatExportDate(meta.date)
  // The hash is meant to be compared by eye; anything that is not hex would only mislead.
  const contentHash = /^[0-9a-f]{64}$/i.test(meta.contentHash) ? meta.contentHash.toLowerCase() : 'unknown'
  return {
    title: sanitizeText(meta.title).trim() || sanitizeText(meta.documentName).trim() || 'Charter',
    header: `DRAFT — ${snapshotName} — ${date}`,
    snapshotName,
    date,
    contentHash,
    footer: `Snapshot “${snapshotName}” · ${date} · SHA-256 ${contentHash}`,
  }
}
