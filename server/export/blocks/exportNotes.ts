import type { ExportView } from '../../../shared/snapshots/index.ts'
import type { ExportBlock } from './ExportBlock.ts'
import type { ExportLabels } from './exportLabels.ts'

/**
 * The notes printed before the text: the caveat that nothing is agreed until everything is agreed (when any
 * article has a status other than open), what the bracket notation means (when the text has brackets), how
 * many brackets the clean view collapsed, and how many cross-references point at deleted articles. Empty
 * for a text with none of these, so an agreed text prints as before.
 */
export function exportNotes(
  blocks: readonly ExportBlock[],
  view: ExportView,
  labels: Pick<ExportLabels, 'notationNote' | 'cleanNote' | 'brokenReferences' | 'statusCaveat'>,
): string[] {
  let status = false
  let notation = false
  let collapsed = 0
  let broken = 0
  for (const block of blocks) {
    if (block.kind === 'articleHeading') {
      if (block.status !== null) status = true
      continue
    }
    for (const run of block.runs) {
      if (run.role === 'proposer' || run.role === 'optionLabel' || run.role === 'bracket') notation = true
      else if (run.role === 'collapsed') collapsed++
      else if (run.role === 'brokenReference') broken++
    }
  }
  const notes: string[] = []
  if (status) notes.push(labels.statusCaveat)
  if (view === 'clean') notes.push(labels.cleanNote(collapsed))
  else if (notation) notes.push(labels.notationNote)
  if (broken > 0) notes.push(labels.brokenReferences(broken))
  return notes
}
