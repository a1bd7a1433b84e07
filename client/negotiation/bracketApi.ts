import type { BracketRecord } from '../../shared/negotiation/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { bracketRequests } from '../api/requestSchemas.ts'

function base(documentName: string, bracketId: string): string {
  return `/api/documents/${encodeURIComponent(documentName)}/brackets/${encodeURIComponent(bracketId)}`
}

/** The cleaning API; each call returns the bracket's record as it now is (the brackets channel brings it too). */
export const bracketApi = {
  requestCleaning: (documentName: string, bracketId: string, choice: string | null) =>
    apiFetch<BracketRecord>(`${base(documentName, bracketId)}/cleaning`, {
      method: 'POST',
      body: jsonBody(bracketRequests.requestCleaning, { choice }),
    }),
  answerCleaning: (documentName: string, bracketId: string, answer: 'confirm' | 'decline' | 'cancel') =>
    apiFetch<BracketRecord>(`${base(documentName, bracketId)}/cleaning/${answer}`, { method: 'POST' }),
  linkThread: (documentName: string, bracketId: string, threadId: number) =>
    apiFetch<BracketRecord>(`${base(documentName, bracketId)}/threads`, {
      method: 'POST',
      body: jsonBody(bracketRequests.linkThread, { threadId }),
    }),
}
