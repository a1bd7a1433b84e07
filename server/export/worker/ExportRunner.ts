import { Worker } from 'node:worker_threads'
import type { JSONContent } from '@tiptap/core'
import type { AreaChange, ExportFormat } from '../../../shared/snapshots/index.ts'
import type { Logger } from '../../logging/Logger.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import type { ExportOptions } from '../blocks/ExportOptions.ts'
import type { AuthorshipEvidence } from '../redline/ChangeAttribution.ts'
import type { RedlineInput } from '../redline/RedlineInput.ts'
import type { ExportJob, ExportJobResult } from './ExportJob.ts'
import type { ExportTask } from './ExportTask.ts'
import type { ExportTaskResult } from './ExportTaskResult.ts'
import type { RenderedExport } from './renderExport.ts'

function renderedOf(result: ExportTaskResult): RenderedExport {
  if (result.kind !== 'rendered') throw new Error(`export worker answered ${result.kind} for a render`)
  const { body, contentType, extension } = result
  return { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType, extension }
}

/**
 * Runs exports, redlines and comparisons on a worker thread: a 100-page PDF or redline takes seconds of
 * synchronous work, which on the main thread would stall every sync connection. Falls back to running
 * inline if the worker cannot start.
 */
export class ExportRunner {
  private worker: Worker | null = null
  private workerFailed = false
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve: (result: ExportTaskResult) => void; reject: (error: Error) => void }
  >()

  constructor(private readonly logger: Logger) {}

  async render(input: ExportInput, format: ExportFormat, options: ExportOptions): Promise<RenderedExport> {
    return renderedOf(await this.run({ kind: 'snapshot', input, format, options }))
  }

  async renderRedline(input: RedlineInput, format: 'html' | 'docx'): Promise<RenderedExport> {
    return renderedOf(await this.run({ kind: 'redline', input, format }))
  }

  /** Words inserted and deleted per priority area: a whole-document word diff, so it runs here too. */
  async areaChanges(
    baseDoc: JSONContent,
    doc: JSONContent,
    authorship?: AuthorshipEvidence,
  ): Promise<AreaChange[]> {
    const result = await this.run({ kind: 'areaChanges', baseDoc, doc, authorship })
    if (result.kind !== 'areaChanges')
      throw new Error(`export worker answered ${result.kind} for a comparison`)
    return result.areas
  }

  async destroy(): Promise<void> {
    const worker = this.worker
    this.worker = null
    for (const { reject } of this.pending.values()) reject(new Error('export runner stopped'))
    this.pending.clear()
    if (worker) await worker.terminate()
  }

  private run(task: ExportTask): Promise<ExportTaskResult> {
    const worker = this.ensureWorker()
    // Imported only here: the renderers pull in pdfkit and docx (tens of MB), which belong in the worker.
    if (!worker) return import('./runExportTask.ts').then(({ runExportTask }) => runExportTask(task))
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
      worker.on('message', (message: ExportJobResult) => {
        const waiting = this.pending.get(message.id)
        if (!waiting) return
        this.pending.delete(message.id)
        if (message.ok) waiting.resolve(message.result)
        else waiting.reject(new Error(message.message))
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
