import type { JSONContent } from '@tiptap/core'
import type { Language } from '../../../shared/i18n/Language.ts'
import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'

export type Delegation = 'AZ' | 'US'

export interface ExportComment {
  author: string
  delegation: Delegation | null
  createdAt: string
  text: string
  deleted?: boolean
}

export interface ExportThread {
  area: string
  quote?: string | null
  resolved: boolean
  comments: ExportComment[]
}

export interface ExportMeta {
  title: string
  snapshotName: string
  /** ISO 8601 timestamp of the snapshot. */
  date: string
  /** sha256 hex of the snapshot state, printed so a paper copy can be matched to the stored snapshot. */
  contentHash: string
  documentName: string
  /** Language of the printed labels (header, footer, appendix); English if not given. */
  language?: Language
}

/** Everything an exporter needs; plain data so it can be posted to a worker thread unchanged. */
export interface ExportInput {
  doc: JSONContent
  meta: ExportMeta
  threads?: ExportThread[]
  /**
   * Each article's status at the exported version, by clause id (an article not listed is open), so the
   * export labels agreed text and carries the caveat that nothing is agreed until everything is agreed.
   */
  clauseStatuses?: Record<string, ClauseStatus>
}
