import type { ThreadAnchor } from '../../shared/comments/index.ts'
import type { TextRange } from './anchors.ts'

/** A new inline comment being written: the selected range, its encoded anchor and its quoted text. */
export interface InlineDraft {
  range: TextRange
  anchor: ThreadAnchor
  quote: string
}
