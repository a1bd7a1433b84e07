import type { SuggestionDecision, SuggestionRequest } from '../../shared/suggestions/index.ts'

/**
 * Decisions on suggestions, one per suggestion, in the order they were taken, and the first keys waiting for a
 * second where two keys are required. Decisions are never changed.
 */
export interface SuggestionDecisionStore {
  /**
   * Stores the decision unless the suggestion was decided already, atomically (also across instances): true if
   * this one was stored, false if another decision came first. A waiting request on the suggestion goes with it.
   */
  record(decision: SuggestionDecision): Promise<boolean>
  find(documentName: string, suggestionId: string): Promise<SuggestionDecision | null>
  /** The document's decisions, oldest first. */
  list(documentName: string): Promise<SuggestionDecision[]>
  /** Stores a first key unless one waits already on the suggestion (atomically): true if this one was stored. */
  request(request: SuggestionRequest): Promise<boolean>
  findRequest(documentName: string, suggestionId: string): Promise<SuggestionRequest | null>
  /** The document's waiting first keys, oldest first. */
  requests(documentName: string): Promise<SuggestionRequest[]>
  /** Drops the waiting first key (declined or cancelled): true if there was one. */
  withdrawRequest(documentName: string, suggestionId: string): Promise<boolean>
}
