import type { ExportBlock } from './ExportBlock.ts'
import { superscriptMarks } from './superscriptMarks.ts'

/** The plain text of a block, line breaks as spaces, proposers wrapped in `superscriptMarks`. */
export function blockText(block: ExportBlock): string {
  if (block.kind === 'articleHeading') return block.label
  return block.runs
    .map((run) => {
      if (run.text === '\n') return ' '
      if (run.role === 'proposer') return `${superscriptMarks.open}${run.text}${superscriptMarks.close}`
      return run.text
    })
    .join('')
}
