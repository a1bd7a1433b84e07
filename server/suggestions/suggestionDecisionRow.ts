import type { Delegation } from '../../shared/roles/index.ts'
import type { SuggestionDecision } from '../../shared/suggestions/index.ts'

/** A row of `suggestion_decisions`, the same in SQLite and PostgreSQL. */
export interface SuggestionDecisionRow {
  document: string
  suggestion_id: string
  kind: SuggestionDecision['kind']
  decision: SuggestionDecision['decision']
  author_id: string
  author_name: string
  author_delegation: Delegation
  suggested_at: string
  inserted_text: string
  deleted_text: string
  decided_by: number
  decided_by_name: string
  decided_by_delegation: Delegation
  decided_at: string
}

export const suggestionDecisionColumns =
  'document, suggestion_id, kind, decision, author_id, author_name, author_delegation, suggested_at, ' +
  'inserted_text, deleted_text, decided_by, decided_by_name, decided_by_delegation, decided_at'

/** The values of a decision in the order of `suggestionDecisionColumns`. */
export function suggestionDecisionValues(decision: SuggestionDecision): (string | number)[] {
  return [
    decision.documentName,
    decision.suggestionId,
    decision.kind,
    decision.decision,
    decision.author.accountId,
    decision.author.name,
    decision.author.delegation,
    decision.suggestedAt,
    decision.insertedText,
    decision.deletedText,
    decision.decidedBy.accountId,
    decision.decidedBy.name,
    decision.decidedBy.delegation,
    decision.decidedAt,
  ]
}

export function toSuggestionDecision(row: SuggestionDecisionRow): SuggestionDecision {
  return {
    documentName: row.document,
    suggestionId: row.suggestion_id,
    kind: row.kind,
    decision: row.decision,
    author: { accountId: row.author_id, name: row.author_name, delegation: row.author_delegation },
    suggestedAt: row.suggested_at,
    insertedText: row.inserted_text,
    deletedText: row.deleted_text,
    decidedBy: {
      accountId: Number(row.decided_by),
      name: row.decided_by_name,
      delegation: row.decided_by_delegation,
    },
    decidedAt: row.decided_at,
  }
}
