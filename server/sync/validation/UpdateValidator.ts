import type { BracketSighting } from '../../negotiation/readBrackets.ts'
import type { DeletedRange } from '../ClientIdClaims.ts'
import type { CandidateUpdate } from './DocumentShadow.ts'

export type { CandidateUpdate }

/** What an accepted update wrote: client ids with new content, and text (ranges of items) it deleted. */
export interface WrittenBy {
  clients: number[]
  deleted: DeletedRange[]
}

/**
 * The validator's answer for one update: why it is refused (and the close code: 4403 for a broken
 * negotiation rule, 4400 otherwise), or, once accepted, the slices to apply it by (a large update cut so
 * that applying it never holds the event loop long; see sliceUpdate), or null to apply it whole, and every
 * bracket of the document after it if it touched any (for the bracket register), else null.
 */
export type Verdict =
  | { refused: string; closeCode: number }
  | {
      refused: null
      slices: Uint8Array[] | null
      brackets: BracketSighting[] | null
      written: WrittenBy | null
    }

/**
 * Checks one document's updates before they are stored: each must apply cleanly to the document as it is
 * (the live state plus the updates accepted before it) and leave it valid by the editor's schema.
 * Calls must not overlap: the room checks a batch, stores the accepted part, then checks the next batch.
 */
export interface UpdateValidator {
  /** One verdict per candidate, in order; a refusal reason is short, fit for a close frame. */
  check(candidates: readonly CandidateUpdate[]): Promise<Verdict[]>
  /** The live document no longer matches what was accepted (an append failed): start again from its state. */
  reset(): void
  destroy(): void
  /** Where the document's shadow copy lives now; null when it needs none (a server-only channel). */
  readonly placement: 'worker' | 'inline' | null
}
