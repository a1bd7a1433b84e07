import type { Delegation, Role } from '../roles/index.ts'
import { canEditText } from '../roles/index.ts'

/** A document's settings for tracked changes, set by its co-chairs. */
export interface SuggestionPolicy {
  /** Nobody edits the text directly: every change must be a suggestion (the server refuses anything else). */
  required: boolean
  /** Reviewers may suggest (they never edit directly); observers never suggest. */
  reviewersSuggest: boolean
}

export const defaultSuggestionPolicy: SuggestionPolicy = { required: false, reviewersSuggest: false }

/** How a role writes in a document under a policy: directly, only through suggestions, or not at all. */
export type TextAccess = 'edit' | 'suggest' | 'none'

export function textAccessOf(role: Role, policy: SuggestionPolicy): TextAccess {
  if (canEditText(role)) return policy.required ? 'suggest' : 'edit'
  if (role === 'reviewer' && policy.reviewersSuggest) return 'suggest'
  return 'none'
}

/**
 * Who accepts or rejects a suggestion: a co-chair or drafter of the delegation that did not make it. In an agreed
 * clause (two keys), only a co-chair of the other delegation: the author's side gave its key by suggesting.
 */
export function mayDecideSuggestion(
  role: Role,
  delegation: Delegation | null,
  authorDelegation: Delegation,
  twoKeys: boolean,
): boolean {
  if (delegation === null || delegation === authorDelegation) return false
  return twoKeys ? role === 'co-chair' : canEditText(role)
}

/** Only co-chairs change a document's suggestion settings. */
export function canSetSuggestionPolicy(role: Role): boolean {
  return role === 'co-chair'
}

/** Which suggestions a view or an export shows: one delegation's, those made since a round; both optional. */
export interface SuggestionFilter {
  delegation?: Delegation | null
  /** ISO time of the round's snapshot: earlier suggestions read as the original text. */
  since?: string | null
}

/** Whether a suggestion by `delegation` made `at` passes the filter. */
export function passesSuggestionFilter(
  filter: SuggestionFilter | undefined,
  delegation: string,
  at: string,
): boolean {
  if (!filter) return true
  if (filter.delegation && filter.delegation !== delegation) return false
  return !filter.since || at >= filter.since
}
