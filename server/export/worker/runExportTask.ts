import { areaChanges } from '../redline/areaChanges.ts'
import { attributeChanges } from '../redline/attributeChanges.ts'
import type { ExportTask } from './ExportTask.ts'
import type { ExportTaskResult } from './ExportTaskResult.ts'
import { renderExport } from './renderExport.ts'

/** Runs one task to its result; the same on the worker and inline when the worker is unavailable. */
export async function runExportTask(task: ExportTask): Promise<ExportTaskResult> {
  if (task.kind === 'areaChanges') {
    const attribution = task.authorship ? attributeChanges(task.authorship) : undefined
    return { kind: 'areaChanges', areas: areaChanges(task.baseDoc, task.doc, attribution) }
  }
  const rendered = await renderExport(task)
  return { kind: 'rendered', ...rendered, body: new Uint8Array(rendered.body) }
}
