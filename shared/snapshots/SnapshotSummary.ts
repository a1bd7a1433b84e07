/** A named, immutable version of a document (metadata only). */
export interface SnapshotSummary {
  id: number
  documentName: string
  name: string
  meetingId: number | null
  meetingTitle: string | null
  /** `manual`: taken by a co-chair; `before-restore`: taken automatically before a restore. */
  kind: 'manual' | 'before-restore'
  createdBy: number
  createdByName: string
  createdAt: string
  /** SHA-256 (hex) of the document content (its ProseMirror JSON), printed on every export. */
  contentHash: string
}

export type MeetingFormat = 'online' | 'in-person'

export interface MeetingView {
  id: number
  title: string
  /** Calendar date, YYYY-MM-DD. */
  date: string
  format: MeetingFormat
  place: string | null
  participants: { AZ: string[]; US: string[] }
  notes: string
  createdBy: number
  createdAt: string
}

/** How much changed in one section between two versions, in words. */
export interface AreaChange {
  area: string
  title: string
  insertedWords: number
  deletedWords: number
  /** Brackets (inline or paragraph-level) present in the newer version and not in the older one. */
  bracketsOpened: number
  /** Brackets of the older version that no longer exist: cleaned (or removed with their text). */
  bracketsCleaned: number
  /**
   * Words each delegation wrote and deleted in the section (from the record of who wrote and deleted what; words
   * of the server's own changes, such as a restore, belong to neither). Absent when there is no such record.
   */
  byDelegation?: Record<'AZ' | 'US', { insertedWords: number; deletedWords: number }>
}

/** `current` or a snapshot id. */
export type VersionRef = number | 'current'

export interface ComparisonView {
  from: { ref: VersionRef; name: string }
  to: { ref: VersionRef; name: string }
  areas: AreaChange[]
}

export const exportFormats = ['html', 'md', 'docx', 'pdf'] as const
export type ExportFormat = (typeof exportFormats)[number]

/**
 * How an export shows negotiated text: `markup` prints every bracket with its alternatives and proposers;
 * `clean` prints only the text outside brackets, each open bracket collapsed to a marker.
 */
export const exportViews = ['markup', 'clean'] as const
export type ExportView = (typeof exportViews)[number]

/** Suggestions in an export: tracked (Markup), as if all were accepted (Final), or as if none were (Original). */
export const suggestionViews = ['markup', 'final', 'original'] as const
export type SuggestionExportView = (typeof suggestionViews)[number]
