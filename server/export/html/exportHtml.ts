import { appendixThreads } from '../blocks/appendixThreads.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import { defaultExportOptions, type ExportOptions } from '../blocks/ExportOptions.ts'
import { escapeHtml } from '../blocks/escapeHtml.ts'
import { exportBlocks } from '../blocks/exportBlocks.ts'
import { exportLabels } from '../blocks/exportLabels.ts'
import { exportNotes } from '../blocks/exportNotes.ts'
import { appendixHtml } from './appendixHtml.ts'
import { blockHtml } from './blockHtml.ts'
import { blocksHtml } from './blocksHtml.ts'
import { htmlPage } from './htmlPage.ts'

/** Standalone, print-friendly HTML of a charter snapshot, in the markup or the clean view. */
export function exportHtml(input: ExportInput, options: ExportOptions = defaultExportOptions): string {
  const view = options.view ?? 'markup'
  const labels = exportLabels(input.meta, view)
  const blocks = exportBlocks(input, view, labels, options)
  const notes = exportNotes(blocks, view, labels)
  const parts: string[] = []
  if (notes.length > 0) {
    parts.push(
      `<div class="notes"><p class="notes-title">${escapeHtml(labels.notesTitle)}</p>` +
        `${notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('')}</div>`,
    )
  }
  parts.push(`<main>\n${blocksHtml(blocks, blockHtml)}\n</main>`)
  if (options.includeThreads)
    parts.push(appendixHtml(appendixThreads(input.threads, labels.language), labels))
  return htmlPage(labels, parts.join('\n'))
}
