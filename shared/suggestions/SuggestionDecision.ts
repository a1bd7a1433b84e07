import type { Delegation } from '../roles/index.ts'

/** What a suggestion proposes: text to insert, text to delete, or both (typing over a selection). */
export type SuggestionChange = 'insertion' | 'deletion' | 'replacement'

export type DecisionOutcome = 'accepted' | 'rejected'

/** The server's record of one decision on a suggestion; the first decision on a suggestion is the only one. */
export interface SuggestionDecision {
  documentName: string
  suggestionId: string
  kind: SuggestionChange
  decision: DecisionOutcome
  author: { accountId: string; name: string; delegation: Delegation }
  suggestedAt: string
  insertedText: string
  deletedText: string
  decidedBy: { accountId: number; name: string; delegation: Delegation }
  decidedAt: string
}
