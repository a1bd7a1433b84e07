import type { AreaId, Party } from '../../../shared/schema/index.ts'

/** A piece of text with its marks. A hard line break is a run whose text is exactly '\n'. */
export interface InlineRun {
  text: string
  bold: boolean
  italic: boolean
  underline: boolean
  strike: boolean
  /** Already checked by the shared link policy (safeLinkTarget). */
  href: string | null
}

/** Where a block sits in the charter, so renderers can style it without re-walking the tree. */
export interface BlockContext {
  area: AreaId | null
  article: number | null
  party: Party | null
  /** Blockquote nesting, capped. */
  quote: number
}

/**
 * The flat, format-neutral form of the charter that every exporter renders. It is flat (lists carry their
 * depth) because every target format, and the redline diff, works paragraph by paragraph.
 */
export type ExportBlock =
  | { kind: 'title'; runs: InlineRun[]; context: BlockContext }
  | { kind: 'sectionHeading'; runs: InlineRun[]; context: BlockContext }
  | { kind: 'heading'; level: 2 | 3 | 4; runs: InlineRun[]; context: BlockContext }
  | { kind: 'articleHeading'; number: number; label: string; context: BlockContext }
  | { kind: 'paragraph'; runs: InlineRun[]; context: BlockContext }
  | {
      kind: 'listItem'
      ordered: boolean
      /** 0 for a top-level list; capped so hostile nesting stays printable. */
      depth: number
      /** Text of the marker ("1.", "•"); empty for a second paragraph inside the same item. */
      marker: string
      runs: InlineRun[]
      context: BlockContext
    }
