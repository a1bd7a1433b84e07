import { Worker } from 'node:worker_threads'
import type { ExportFormat } from '../../../shared/snapshots/index.ts'
import type { Logger } from '../../logging/Logger.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import type { ExportOptions } from '../blocks/ExportOptions.ts'
import type { RedlineInput } from '../redline/RedlineInput.ts'
import type { ExportJob, ExportJobResult } from './ExportJob.ts'
import type { ExportTask } from './ExportTask.ts'
import { type RenderedExport, renderExport } from './renderExport.ts'

/**
 * Runs exports and redlines on a worker thread: a 100-page PDF or redline takes seconds of synchronous work,
 * which on the main thread would stall every sync connection. Falls back to rendering inline if the worker cannot start.
 */
export class ExportRunner {
  private worker: Worker | null = null
  private workerFailed = false
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve: (rendered: RenderedExport) => void; reject: (error: Error) => void }
  >()

  constructor(private readonly logger: Logger) {}

  render(input: ExportInput, format: ExportFormat, options: ExportOptions): Promise<RenderedExport> {
    return this.run({ kind: 'snapshot', input, format, options })
  }

  /** A redline diffs every block and word of both versions, so it runs on the worker like any export. */
  renderRedline(input: RedlineInput, format: 'html' | 'docx'): Promise<RenderedExport> {
    return this.run({ kind: 'redline', input, format })
  }

  async destroy(): Promise<void> {
    const worker = this.worker
    this.worker = null
    for (const { reject } of this.pending.values()) reject(new Error('export runner stopped'))
    this.pending.clear()
    if (worker) await worker.terminate()
  }

  private run(task: ExportTask): Promise<RenderedExport> {
    const worker = this.ensureWorker()
    if (!worker) return renderExport(task)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const job: ExportJob = { id, task }
      worker.postMessage(job)
    })
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.workerFailed) return this.worker
    try {
      const worker = new Worker(new URL('./exportWorkerEntry.mjs', import.meta.url))
      worker.unref()
      worker.on('message', (result: ExportJobResult) => {
        const waiting = this.pending.get(result.id)
        if (!waiting) return
        this.pending.delete(result.id)
        if (result.ok) {
          waiting.resolve({
            body: Buffer.from(result.body),
            contentType: result.contentType,
            extension: result.extension,
          })
        } else {
          waiting.reject(new Error(result.message))
        }
      })
      worker.on('error', (error) => {
        this.logger.error('export worker failed', { error })
        for (const { reject } of this.pending.values()) reject(error)
        this.pending.clear()
        this.worker = null
      })
      this.worker = worker
      return worker
    } catch (error) {
      this.logger.warn('export worker unavailable; exporting inline', { error })
      this.workerFailed = true
      return null
    }
  }
}
