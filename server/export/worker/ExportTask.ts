import type { ExportFormat } from '../../../shared/snapshots/index.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import type { ExportOptions } from '../blocks/ExportOptions.ts'
import type { RedlineInput } from '../redline/RedlineInput.ts'

/**
 * One piece of rendering work for the export worker: a snapshot in one format, or a redline between two
 * snapshots. Plain data, so it crosses to the worker thread by structured clone.
 */
export type ExportTask =
  | { kind: 'snapshot'; input: ExportInput; format: ExportFormat; options: ExportOptions }
  | { kind: 'redline'; input: RedlineInput; format: 'html' | 'docx' }
