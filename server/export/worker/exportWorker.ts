import { parentPort } from 'node:worker_threads'
import type { ExportJob, ExportJobResult } from './ExportJob.ts'
import { runExportTask } from './runExportTask.ts'

parentPort?.on('message', async (job: ExportJob) => {
  try {
    const result = await runExportTask(job.task)
    const message: ExportJobResult = { id: job.id, ok: true, result }
    const transfer = result.kind === 'rendered' ? [result.body.buffer as ArrayBuffer] : []
    parentPort?.postMessage(message, transfer)
  } catch (error) {
    const message: ExportJobResult = {
      id: job.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }
    parentPort?.postMessage(message)
  }
})
