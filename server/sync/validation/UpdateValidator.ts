import type { CandidateUpdate } from './DocumentShadow.ts'

export type { CandidateUpdate }

/**
 * Checks one document's updates before they are stored: each must apply cleanly to the document as it is
 * (the live state plus the updates accepted before it) and leave it valid by the editor's schema.
 * Calls must not overlap: the room checks a batch, stores the accepted part, then checks the next batch.
 */
export interface UpdateValidator {
  /** One verdict per candidate, in order: the refusal reason (short, fit for a close frame), or null. */
  check(candidates: readonly CandidateUpdate[]): Promise<(string | null)[]>
  /** The live document no longer matches what was accepted (an append failed): start again from its state. */
  reset(): void
  destroy(): void
}
