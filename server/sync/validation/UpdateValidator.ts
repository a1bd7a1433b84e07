import type { CandidateUpdate } from './DocumentShadow.ts'

export type { CandidateUpdate }

/**
 * The validator's answer for one update: why it is refused, or, once accepted, the slices to apply it by (a
 * large update cut so that applying it never holds the event loop long; see sliceUpdate), or null to apply
 * it whole.
 */
export type Verdict = { refused: string } | { refused: null; slices: Uint8Array[] | null }

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
}
