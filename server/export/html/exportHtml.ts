import { appendixThreads } from '../blocks/appendixThreads.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import { defaultExportOptions, type ExportOptions } from '../blocks/ExportOptions.ts'
import { exportLabels } from '../blocks/exportLabels.ts'
import { renderBlocks } from '../blocks/renderBlocks.ts'
import { appendixHtml } from './appendixHtml.ts'
import { blockHtml } from './blockHtml.ts'
import { blocksHtml } from './blocksHtml.ts'
import { htmlPage } from './htmlPage.ts'

/** Standalone, print-friendly HTML of a charter snapshot. */
export function exportHtml(input: ExportInput, options: ExportOptions = defaultExportOptions): string {
  const labels = exportLabels(input.meta)
  const parts = [`<main>\n${blocksHtml(renderBlocks(input.doc), blockHtml)}\n</main>`]
  if (options.includeThreads)
    parts.push(appendixHtml(appendixThreads(input.threads, labels.language), labels))
  return htmlPage(labels, parts.join('\n'))
}
