import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'
import type { Delegation } from '../../../shared/roles/index.ts'
import type { AreaId, Party, Proposer } from '../../../shared/schema/index.ts'

/**
 * What a run is in the negotiation notation, so each format can set it in its own way:
 * - `text`: words of the charter (inside an alternative when `proposer` is set);
 * - `bracket`: the notation's glyphs `[`, ` / `, `]`;
 * - `proposer`: who proposed the alternative just before it ("AZ"), printed as a superscript;
 * - `optionLabel`: "[Option 2 (US): " opening one option of a paragraph-level choice;
 * - `crossReference`: "Article 3", the current number of the article referred to;
 * - `brokenReference`: "Article [?]", a reference to an article that no longer exists;
 * - `collapsed`: "[…]", an open bracket in the clean view.
 */
export type RunRole =
  | 'text'
  | 'bracket'
  | 'proposer'
  | 'optionLabel'
  | 'crossReference'
  | 'brokenReference'
  | 'collapsed'

/** A piece of text with its marks. A hard line break is a run whose text is exactly '\n'. */
export interface InlineRun {
  text: string
  bold: boolean
  italic: boolean
  underline: boolean
  strike: boolean
  /** Already checked by the shared link policy (safeLinkTarget). */
  href: string | null
  role: RunRole
  /** The delegation (or the co-chairs jointly) whose alternative this run belongs to; null outside brackets. */
  proposer: Proposer | null
  /** A tracked change in the markup view: a suggested insertion or deletion and its author. */
  suggestion?: RunSuggestion
}

/** A suggestion a run is part of (Word writes it as a tracked change, HTML as `<ins>`/`<del>`). */
export interface RunSuggestion {
  kind: 'insertion' | 'deletion'
  id: string
  name: string
  delegation: Delegation
  at: string
}

/** Where a block sits in the charter, so renderers can style it without re-walking the tree. */
export interface BlockContext {
  area: AreaId | null
  article: number | null
  party: Party | null
  /** Blockquote nesting, capped. */
  quote: number
}

/** An article's status at the exported version, with its printed label; only set when it is not open. */
export interface ArticleStatus {
  value: Exclude<ClauseStatus, 'open'>
  label: string
}

/**
 * The flat, format-neutral form of the charter that every exporter renders. It is flat (lists carry their
 * depth) because every target format, and the redline diff, works paragraph by paragraph.
 */
export type ExportBlock =
  | { kind: 'title'; runs: InlineRun[]; context: BlockContext }
  | { kind: 'sectionHeading'; runs: InlineRun[]; context: BlockContext }
  | { kind: 'heading'; level: 2 | 3 | 4; runs: InlineRun[]; context: BlockContext }
  | {
      kind: 'articleHeading'
      number: number
      label: string
      /** Null for an open article (or when the export carries no statuses): nothing is printed then. */
      status: ArticleStatus | null
      context: BlockContext
    }
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
