import type { Delegation } from '../roles/index.ts'

/** What a suggestion proposes: text to insert, text to delete, or both (typing over a selection). */
export type SuggestionChange = 'insertion' | 'deletion' | 'replacement'

export type DecisionOutcome = 'accepted' | 'rejected'

/** A co-chair or drafter as a decision names them. */
export interface SuggestionDecider {
  accountId: number
  name: string
  delegation: Delegation
}

/**
 * The first key on a suggestion where two keys are required (an agreed article, or a two-key document): one
 * co-chair's decision, waiting for the other delegation's co-chair. Nothing changes in the text until then.
 */
export interface SuggestionRequest {
  documentName: string
  suggestionId: string
  decision: DecisionOutcome
  requestedBy: SuggestionDecider
  requestedAt: string
}

/**
 * The server's record of one decision on a suggestion; the first decision on a suggestion is the only one. Under
 * two keys, `requestedBy` is the co-chair who gave the first key and `decidedBy` the one who confirmed it.
 */
export interface SuggestionDecision {
  documentName: string
  suggestionId: string
  kind: SuggestionChange
  decision: DecisionOutcome
  author: { accountId: string; name: string; delegation: Delegation }
  suggestedAt: string
  insertedText: string
  deletedText: string
  decidedBy: SuggestionDecider
  decidedAt: string
  requestedBy: SuggestionDecider | null
  requestedAt: string | null
}
