import { threadRequests } from '../../shared/api/index.ts'
import type { ThreadAnchor, ThreadArea, ThreadView } from '../../shared/comments/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'

function base(documentName: string): string {
  return `/api/documents/${encodeURIComponent(documentName)}`
}

/** The comment API; each call returns the thread as it now is (the threads channel brings it too). */
export const threadApi = {
  createAreaThread: (documentName: string, area: ThreadArea, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/threads`, {
      method: 'POST',
      body: jsonBody(threadRequests.create, { kind: 'area', area, text }),
    }),
  createInlineThread: (documentName: string, anchor: ThreadAnchor, quote: string, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/threads`, {
      method: 'POST',
      body: jsonBody(threadRequests.create, { kind: 'inline', anchor, quote, text }),
    }),
  reply: (documentName: string, threadId: number, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/threads/${threadId}/comments`, {
      method: 'POST',
      body: jsonBody(threadRequests.reply, { text }),
    }),
  setStatus: (documentName: string, threadId: number, status: 'open' | 'resolved') =>
    apiFetch<ThreadView>(
      `${base(documentName)}/threads/${threadId}/${status === 'resolved' ? 'resolve' : 'reopen'}`,
      { method: 'POST' },
    ),
  editComment: (documentName: string, commentId: number, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/comments/${commentId}`, {
      method: 'PATCH',
      body: jsonBody(threadRequests.edit, { text }),
    }),
  deleteComment: (documentName: string, commentId: number) =>
    apiFetch<ThreadView>(`${base(documentName)}/comments/${commentId}`, { method: 'DELETE' }),
}
