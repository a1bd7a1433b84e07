import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'

/** The clauses of one document whose text nobody may change alone, with their status (for the refusal). */
export interface ProtectedClauseSet {
  /** Changes whenever the set does, so a validator sends it to its shadow only when it changed. */
  version: number
  clauses: Record<string, ClauseStatus>
}

/** Where the validation learns which clauses are protected; clause status owns the answer. */
export interface ClauseProtection {
  current(documentName: string): Promise<ProtectedClauseSet>
}
