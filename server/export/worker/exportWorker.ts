import { parentPort } from 'node:worker_threads'
import type { ExportJob, ExportJobResult } from './ExportJob.ts'
import { renderExport } from './renderExport.ts'

parentPort?.on('message', async (job: ExportJob) => {
  try {
    const rendered = await renderExport(job.task)
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
