import type { Delegation, Role } from '../roles/index.ts'
import { canEditText } from '../roles/index.ts'
import type { SuggestionRequest } from './SuggestionDecision.ts'

/** A document's settings for tracked changes, set by its co-chairs. */
export interface SuggestionPolicy {
  /** Nobody edits the text directly: every change must be a suggestion (the server refuses anything else). */
  required: boolean
  /** Reviewers may suggest (they never edit directly); observers never suggest. */
  reviewersSuggest: boolean
  /** Every suggestion needs two keys, as in an agreed article: both co-chairs decide it. */
  twoKeys: boolean
}

export const defaultSuggestionPolicy: SuggestionPolicy = {
  required: false,
  reviewersSuggest: false,
  twoKeys: false,
}

/** How a role writes in a document under a policy: directly, only through suggestions, or not at all. */
export type TextAccess = 'edit' | 'suggest' | 'none'

export function textAccessOf(role: Role, policy: SuggestionPolicy): TextAccess {
  if (canEditText(role)) return policy.required ? 'suggest' : 'edit'
  if (role === 'reviewer' && policy.reviewersSuggest) return 'suggest'
  return 'none'
}

/**
 * Who accepts or rejects a suggestion: a co-chair or drafter of the delegation that did not make it. Under the
 * two-key rule (an agreed article, or a two-key document) only co-chairs, one of each delegation: either gives
 * the first key (a request), the other delegation's co-chair the second (see mayAnswerSuggestionRequest).
 */
export function mayDecideSuggestion(
  role: Role,
  delegation: Delegation | null,
  authorDelegation: Delegation,
  twoKeys: boolean,
): boolean {
  if (delegation === null) return false
  if (twoKeys) return role === 'co-chair'
  return delegation !== authorDelegation && canEditText(role)
}

/** The second key: a co-chair of the delegation that did not make the request confirms (or declines) it. */
export function mayAnswerSuggestionRequest(
  role: Role,
  delegation: Delegation | null,
  request: Pick<SuggestionRequest, 'requestedBy'>,
): boolean {
  return role === 'co-chair' && delegation !== null && request.requestedBy.delegation !== delegation
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
