import type { Delegation } from '../../shared/roles/index.ts'
import type { SuggestionDecision, SuggestionRequest } from '../../shared/suggestions/index.ts'

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
  requested_by: number | null
  requested_by_name: string | null
  requested_by_delegation: Delegation | null
  requested_at: string | null
}

export const suggestionDecisionColumns =
  'document, suggestion_id, kind, decision, author_id, author_name, author_delegation, suggested_at, ' +
  'inserted_text, deleted_text, decided_by, decided_by_name, decided_by_delegation, decided_at, ' +
  'requested_by, requested_by_name, requested_by_delegation, requested_at'

/** The values of a decision in the order of `suggestionDecisionColumns`. */
export function suggestionDecisionValues(decision: SuggestionDecision): (string | number | null)[] {
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
    decision.requestedBy?.accountId ?? null,
    decision.requestedBy?.name ?? null,
    decision.requestedBy?.delegation ?? null,
    decision.requestedAt,
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
    requestedBy:
      row.requested_by === null || row.requested_by_name === null || row.requested_by_delegation === null
        ? null
        : {
            accountId: Number(row.requested_by),
            name: row.requested_by_name,
            delegation: row.requested_by_delegation,
          },
    requestedAt: row.requested_at,
  }
}

/** A row of `suggestion_requests`: a first key waiting for the other delegation's co-chair. */
export interface SuggestionRequestRow {
  document: string
  suggestion_id: string
  decision: SuggestionRequest['decision']
  requested_by: number
  requested_by_name: string
  requested_by_delegation: Delegation
  requested_at: string
}

export const suggestionRequestColumns =
  'document, suggestion_id, decision, requested_by, requested_by_name, requested_by_delegation, requested_at'

export function suggestionRequestValues(request: SuggestionRequest): (string | number)[] {
  return [
    request.documentName,
    request.suggestionId,
    request.decision,
    request.requestedBy.accountId,
    request.requestedBy.name,
    request.requestedBy.delegation,
    request.requestedAt,
  ]
}

export function toSuggestionRequest(row: SuggestionRequestRow): SuggestionRequest {
  return {
    documentName: row.document,
    suggestionId: row.suggestion_id,
    decision: row.decision,
    requestedBy: {
      accountId: Number(row.requested_by),
      name: row.requested_by_name,
      delegation: row.requested_by_delegation,
    },
    requestedAt: row.requested_at,
  }
}
