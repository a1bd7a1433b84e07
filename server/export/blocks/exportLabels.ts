import type { ExportMeta } from './ExportInput.ts'
import { formatExportDate } from './formatExportDate.ts'
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
