import type { ExportTask } from './ExportTask.ts'
import type { ExportTaskResult } from './ExportTaskResult.ts'

/** A task as posted to the worker, with the id its result comes back under. */
export interface ExportJob {
  id: number
  task: ExportTask
}

export type ExportJobResult =
  | { id: number; ok: true; result: ExportTaskResult }
  | { id: number; ok: false; message: string }
