import { appendixHtml } from './appendixHtml.ts'
import { appendixThreads } from './appendixThreads.ts'
import { blockHtml, blocksHtml } from './blocksHtml.ts'
import { defaultExportOptions, type ExportInput, type ExportOptions } from './ExportInput.ts'
import { exportLabels } from './exportLabels.ts'
import { htmlPage } from './htmlPage.ts'
import { renderBlocks } from './renderBlocks.ts'

/** Standalone, print-friendly HTML of a charter snapshot. */
export function exportHtml(input: ExportInput, options: ExportOptions = defaultExportOptions): string {
  const labels = exportLabels(input.meta)
  const parts = [`<main>\n${blocksHtml(renderBlocks(input.doc), blockHtml)}\n</main>`]
  if (options.includeThreads) parts.push(appendixHtml(appendixThreads(input.threads)))
  return htmlPage(labels, parts.join('\n'))
}
