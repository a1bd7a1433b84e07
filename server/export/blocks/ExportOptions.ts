import type { ExportView, SuggestionExportView } from '../../../shared/snapshots/index.ts'
import type { SuggestionFilter } from '../../../shared/suggestions/index.ts'

export interface ExportOptions {
  /** Comment threads are internal to the delegations, so they are left out unless asked for. */
  includeThreads: boolean
  /** `markup` (brackets, alternatives and proposers) unless the clean text is asked for. */
  view?: ExportView
  /** Suggestions tracked (default), accepted (`final`) or left out (`original`). */
  suggestions?: SuggestionExportView
  /** Only these suggestions are shown (tracked, or accepted in `final`); the others read as the original text. */
  suggestionFilter?: SuggestionFilter
}

export const defaultExportOptions: ExportOptions = { includeThreads: false, view: 'markup' }
