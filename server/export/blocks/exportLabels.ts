import { createI18n } from '../../../shared/i18n/createI18n.ts'
import type { Language } from '../../../shared/i18n/Language.ts'
import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'
import type { ExportView } from '../../../shared/snapshots/index.ts'
import type { ExportMeta } from './ExportInput.ts'
import { formatExportDate } from './formatExportDate.ts'
import { type NotationLabels, notationLabels } from './notationLabels.ts'
import { sanitizeText } from './sanitizeText.ts'

export interface ExportLabels {
  language: Language
  title: string
  /** "DRAFT — <snapshot name> — <date>" (and "— CLEAN TEXT" in the clean view), the running header. */
  header: string
  snapshotName: string
  date: string
  contentHash: string
  /** One line for footers: snapshot, date and hash. */
  footer: string
  /** Snapshot and date, without the hash. */
  snapshotLine: string
  appendixTitle: string
  /** Printed instead of a deleted comment, so its words never reappear on paper. */
  commentDeleted: string
  noThreads: string
  /** "REDLINE — <header>". */
  redlineHeader: string
  /** What a redline compares: this version against `base`. */
  redlineCompared(base: ExportLabels): string
  /** The counts sentence cut around its two samples (inserted, deleted), which each format marks up itself. */
  redlineCounts(changed: number, inserted: number, deleted: number): [string, string, string]
  redlineSample: string
  comparedFooter: string
  baseFooter: string
  /** "Page 2 of 9". */
  pageOf(page: number | string, pages: number | string): string
  /** Proposers and option labels of the bracket notation. */
  notation: NotationLabels
  /** Heading of the notes that explain the notation, the clean view and broken references. */
  notesTitle: string
  notationNote: string
  cleanNote(openBrackets: number): string
  brokenReferences(count: number): string
  /** "Brackets: 2 opened, 1 cleaned." for a redline's summary. */
  redlineBrackets(opened: number, cleaned: number): string
  /** "Agreed ad ref.": an article's status, in the same words as the dashboard. */
  clauseStatus(status: ClauseStatus): string
  /** "Nothing is agreed until everything is agreed.", printed in the notes once any article has a status. */
  statusCaveat: string
}

/**
 * The identifying texts shared by all formats, so a printed page can be traced back to its snapshot, in the
 * export's language (`meta.language`, English if not given). The clean view says so in its header.
 */
export function exportLabels(meta: ExportMeta, view: ExportView = 'markup'): ExportLabels {
  const language = meta.language ?? 'en'
  const { t } = createI18n(language)
  const snapshotName = sanitizeText(meta.snapshotName).trim() || t('export:untitledSnapshot')
  const date = formatExportDate(meta.date, language)
  // The hash is meant to be compared by eye; anything that is not hex would only mislead.
  const contentHash = /^[0-9a-f]{64}$/i.test(meta.contentHash)
    ? meta.contentHash.toLowerCase()
    : t('export:unknownHash')
  return {
    language,
    title:
      sanitizeText(meta.title).trim() ||
      sanitizeText(meta.documentName).trim() ||
      t('export:untitledDocument'),
    header:
      view === 'clean'
        ? t('export:cleanHeader', {
            header: t('export:header', { draft: t('export:draft'), snapshot: snapshotName, date }),
          })
        : t('export:header', { draft: t('export:draft'), snapshot: snapshotName, date }),
    snapshotName,
    date,
    contentHash,
    footer: t('export:footer', { snapshot: snapshotName, date, hash: contentHash }),
    snapshotLine: t('export:snapshotLine', { snapshot: snapshotName, date }),
    appendixTitle: t('export:appendixTitle'),
    commentDeleted: t('export:commentDeleted'),
    noThreads: t('export:noThreads'),
    pageOf: (page, pages) => t('export:pageOf', { page, pages }),
    redlineHeader: t('export:redlineHeader', {
      header: t('export:header', { draft: t('export:draft'), snapshot: snapshotName, date }),
    }),
    redlineCompared: (base) =>
      t('export:redlineCompared', {
        snapshot: snapshotName,
        date,
        hash: contentHash,
        base: base.snapshotName,
        baseDate: base.date,
        baseHash: base.contentHash,
      }),
    redlineCounts: (changed, inserted, deleted) => {
      const [before = '', between = '', after = ''] = t('export:redlineCounts', {
        changed,
        inserted,
        deleted,
        insertedSample: '\u0000',
        deletedSample: '\u0000',
      }).split('\u0000')
      return [before, between, after]
    },
    redlineSample: t('export:redlineSample'),
    comparedFooter: t('export:comparedFooter', {
      footer: t('export:footer', { snapshot: snapshotName, date, hash: contentHash }),
    }),
    baseFooter: t('export:baseFooter', {
      footer: t('export:footer', { snapshot: snapshotName, date, hash: contentHash }),
    }),
    notation: notationLabels(language),
    notesTitle: t('export:notesTitle'),
    notationNote: t('export:notationNote'),
    cleanNote: (count) => (count === 0 ? t('export:cleanNoBrackets') : t('export:cleanNote', { count })),
    brokenReferences: (count) => t('export:brokenReferences', { count }),
    redlineBrackets: (opened, cleaned) => t('export:redlineBrackets', { opened, cleaned }),
    // The dashboard's own words, so paper and screen never name a status differently.
    clauseStatus: (status) => t(`dashboard:status.${status}`),
    statusCaveat: t('export:statusCaveat'),
  }
}
