import type { ExportView, SuggestionExportView } from '../../../shared/snapshots/index.ts'

export interface ExportOptions {
  /** Comment threads are internal to the delegations, so they are left out unless asked for. */
  includeThreads: boolean
  /** `markup` (brackets, alternatives and proposers) unless the clean text is asked for. */
  view?: ExportView
  /** Suggestions tracked (default), accepted (`final`) or left out (`original`). */
  suggestions?: SuggestionExportView
}

export const defaultExportOptions: ExportOptions = { includeThreads: false, view: 'markup' }
