import type { SuggestionDecision } from '../../shared/suggestions/index.ts'

/** Decisions on suggestions, one per suggestion, in the order they were taken. Records are never changed. */
export interface SuggestionDecisionStore {
  /**
   * Stores the decision unless the suggestion was decided already, atomically (also across instances): true if
   * this one was stored, false if another decision came first.
   */
  record(decision: SuggestionDecision): Promise<boolean>
  find(documentName: string, suggestionId: string): Promise<SuggestionDecision | null>
  /** The document's decisions, oldest first. */
  list(documentName: string): Promise<SuggestionDecision[]>
}
