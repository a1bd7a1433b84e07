import { parentPort } from 'node:worker_threads'
import type { ExportFormat } from '../../shared/snapshots/index.ts'
import type { ExportInput, ExportOptions } from './ExportInput.ts'
import { renderExport } from './renderExport.ts'

export interface ExportJob {
  id: number
  input: ExportInput
  format: ExportFormat
  options: ExportOptions
}

export type ExportJobResult =
  | { id: number; ok: true; body: Uint8Array; contentType: string; extension: string }
  | { id: number; ok: false; message: string }

parentPort?.on('message', async (job: ExportJob) => {
  try {
    const rendered = await renderExport(job.input, job.format, job.options)
    const result: ExportJobResult = { id: job.id, ok: true, ...rendered, body: new Uint8Array(rendered.body) }
    parentPort?.postMessage(result, [result.body.buffer as ArrayBuffer])
  } catch (error) {
    const result: ExportJobResult = {
      id: job.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }
    parentPort?.postMessage(result)
  }
})
