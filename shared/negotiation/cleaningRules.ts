import type { Delegation, Role } from '../roles/index.ts'
import type { CleaningRecord } from './BracketRecord.ts'

/** Only co-chairs request, confirm, decline or cancel a cleaning, and only as members of a delegation. */
export function canCleanBrackets(role: Role, delegation: Delegation | null): boolean {
  return role === 'co-chair' && delegation !== null
}

/**
 * The two-key rule: a pending request is confirmed (or declined) by a co-chair of the other delegation, never
 * by the requester's own side. Pure, so the UI offers exactly what the server will allow.
 */
export function mayAnswerCleaning(
  role: Role,
  delegation: Delegation | null,
  cleaning: CleaningRecord | null,
): boolean {
  return (
    canCleanBrackets(role, delegation) &&
    cleaning?.status === 'requested' &&
    cleaning.requestedBy.delegation !== delegation
  )
}
