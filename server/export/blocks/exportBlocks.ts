import type { ExportView } from '../../../shared/snapshots/index.ts'
import type { ExportBlock } from './ExportBlock.ts'
import type { ExportInput } from './ExportInput.ts'
import type { ExportOptions } from './ExportOptions.ts'
import type { ExportLabels } from './exportLabels.ts'
import { renderBlocks } from './renderBlocks.ts'

/**
 * The blocks every format prints for an export: the charter in the asked view, its notation and each
 * article's status in the export's language. One place, so no format can forget the statuses.
 */
export function exportBlocks(
  input: Pick<ExportInput, 'doc' | 'clauseStatuses'>,
  view: ExportView,
  labels: Pick<ExportLabels, 'notation' | 'clauseStatus'>,
  suggestions: Pick<ExportOptions, 'suggestions' | 'suggestionFilter'> = {},
): ExportBlock[] {
  return renderBlocks(input.doc, {
    view,
    suggestions: suggestions.suggestions,
    suggestionFilter: suggestions.suggestionFilter,
    notation: labels.notation,
    statuses: { byClause: input.clauseStatuses ?? {}, label: labels.clauseStatus },
  })
}
