import type { JSONContent } from '@tiptap/core'
import type { ExportFormat } from '../../../shared/snapshots/index.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import type { ExportOptions } from '../blocks/ExportOptions.ts'
import type { AuthorshipEvidence } from '../redline/ChangeAttribution.ts'
import type { RedlineInput } from '../redline/RedlineInput.ts'

/**
 * One piece of work for the export worker: a snapshot in one format, a redline between two snapshots, or
 * the per-area word counts of a comparison. Plain data, so it crosses to the worker by structured clone.
 */
export type ExportTask =
  | { kind: 'snapshot'; input: ExportInput; format: ExportFormat; options: ExportOptions }
  | { kind: 'redline'; input: RedlineInput; format: 'html' | 'docx' }
  | { kind: 'areaChanges'; baseDoc: JSONContent; doc: JSONContent; authorship?: AuthorshipEvidence }
