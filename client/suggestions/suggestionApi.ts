import type {
  DecisionOutcome,
  SuggestionDecision,
  SuggestionPolicy,
  SuggestionRequest,
} from '../../shared/suggestions/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { suggestionRequests } from '../api/requestSchemas.ts'

function base(documentName: string): string {
  return `/api/documents/${encodeURIComponent(documentName)}`
}

/** Decisions are server operations: the text changes for everyone when the server has carried them out. */
export const suggestionApi = {
  decide: (
    documentName: string,
    decision: DecisionOutcome,
    selection: { ids?: string[]; delegation?: 'AZ' | 'US'; clauseId?: string },
  ) =>
    apiFetch<{ decided: SuggestionDecision[]; requested: SuggestionRequest[]; notAllowed: string[] }>(
      `${base(documentName)}/suggestions/decisions`,
      {
        method: 'POST',
        body: jsonBody(suggestionRequests.decide, { decision, ...selection }),
      },
    ),
  decisions: (documentName: string) =>
    apiFetch<SuggestionDecision[]>(`${base(documentName)}/suggestions/decisions`),
  /** First keys waiting for the other delegation's co-chair, under the two-key rule. */
  requests: (documentName: string) =>
    apiFetch<SuggestionRequest[]>(`${base(documentName)}/suggestions/requests`),
  /** Cancels one's own side's waiting first key, or declines the other side's. */
  withdraw: (documentName: string, suggestionId: string) =>
    apiFetch<SuggestionRequest[]>(
      `${base(documentName)}/suggestions/${encodeURIComponent(suggestionId)}/request`,
      { method: 'DELETE' },
    ),
  setPolicy: (documentName: string, policy: SuggestionPolicy) =>
    apiFetch<SuggestionPolicy>(`${base(documentName)}/suggestion-policy`, {
      method: 'PUT',
      body: jsonBody(suggestionRequests.policy, policy),
    }),
}
