import { exportDocx } from '../docx/exportDocx.ts'
import { exportHtml } from '../html/exportHtml.ts'
import { exportMarkdown } from '../markdown/exportMarkdown.ts'
import { exportPdf } from '../pdf/exportPdf.ts'
import { exportRedlineDocx } from '../redline/exportRedlineDocx.ts'
import { exportRedlineHtml } from '../redline/exportRedlineHtml.ts'
import type { ExportTask } from './ExportTask.ts'

export interface RenderedExport {
  body: Buffer
  contentType: string
  extension: string
}

const html = { contentType: 'text/html; charset=utf-8', extension: 'html' }
const docx = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
}

/** Renders a snapshot or redline; pure input to bytes, so it runs the same in a worker thread or inline. */
export async function renderExport(
  task: Exclude<ExportTask, { kind: 'areaChanges' }>,
): Promise<RenderedExport> {
  if (task.kind === 'redline') {
    return task.format === 'docx'
      ? { body: await exportRedlineDocx(task.input), ...docx }
      : { body: Buffer.from(exportRedlineHtml(task.input), 'utf8'), ...html }
  }
  const { input, options } = task
  switch (task.format) {
    case 'html':
      return { body: Buffer.from(exportHtml(input, options), 'utf8'), ...html }
    case 'md':
      return {
        body: Buffer.from(exportMarkdown(input, options), 'utf8'),
        contentType: 'text/markdown; charset=utf-8',
        extension: 'md',
      }
    case 'docx':
      return { body: await exportDocx(input, options), ...docx }
    case 'pdf':
      return { body: await exportPdf(input, options), contentType: 'application/pdf', extension: 'pdf' }
  }
}
