import type { ExportFormat } from '../../shared/snapshots/index.ts'
import type { ExportInput, ExportOptions } from './ExportInput.ts'
import { exportDocx } from './exportDocx.ts'
import { exportHtml } from './exportHtml.ts'
import { exportMarkdown } from './exportMarkdown.ts'
import { exportPdf } from './exportPdf.ts'

export interface RenderedExport {
  body: Buffer
  contentType: string
  extension: string
}

const types: Record<ExportFormat, { contentType: string; extension: string }> = {
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
}

/** Renders one export format; pure input to bytes, so it runs the same in a worker thread or inline. */
export async function renderExport(
  input: ExportInput,
  format: ExportFormat,
  options: ExportOptions,
): Promise<RenderedExport> {
  let body: Buffer
  switch (format) {
    case 'html':
      body = Buffer.from(exportHtml(input, options), 'utf8')
      break
    case 'md':
      body = Buffer.from(exportMarkdown(input, options), 'utf8')
      break
    case 'docx':
      body = await exportDocx(input, options)
      break
    case 'pdf':
      body = await exportPdf(input, options)
      break
  }
  return { body, ...types[format] }
}
