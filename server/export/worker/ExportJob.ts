import type { ExportTask } from './ExportTask.ts'

/** A task as posted to the worker, with the id its result comes back under. */
export interface ExportJob {
  id: number
  task: ExportTask
}

export type ExportJobResult =
  | { id: number; ok: true; body: Uint8Array; contentType: string; extension: string }
  | { id: number; ok: false; message: string }
