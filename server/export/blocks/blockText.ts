import type { ExportBlock } from './ExportBlock.ts'

/** The plain text of a block, line breaks as spaces. */
export function blockText(block: ExportBlock): string {
  if (block.kind === 'articleHeading') return block.label
  return block.runs.map((run) => (run.text === '\n' ? ' ' : run.text)).join('')
}
