import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from '../blocks/ExportInput.ts'
import type { AuthorshipEvidence } from './ChangeAttribution.ts'

/** Two snapshots to compare: `meta` describes the newer one, `baseMeta` the one it is compared with. */
export interface RedlineInput {
  baseDoc: JSONContent
  doc: JSONContent
  baseMeta: ExportMeta
  meta: ExportMeta
  /** The versions' Yjs states and who wrote and deleted what: each change is then named by its author. */
  authorship?: AuthorshipEvidence
}
