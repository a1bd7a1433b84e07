import type { ThreadAnchor, ThreadArea, ThreadView } from '../../shared/comments/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { loadRequestSchemas } from '../api/loadRequestSchemas.ts'

async function threadRequests() {
  return (await loadRequestSchemas()).threadRequests
}

function base(documentName: string): string {
  return `/api/documents/${encodeURIComponent(documentName)}`
}

/** The comment API; each call returns the thread as it now is (the threads channel brings it too). */
export const threadApi = {
  createAreaThread: async (documentName: string, area: ThreadArea, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/threads`, {
      method: 'POST',
      body: jsonBody((await threadRequests()).create, { kind: 'area', area, text }),
    }),
  createInlineThread: async (documentName: string, anchor: ThreadAnchor, quote: string, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/threads`, {
      method: 'POST',
      body: jsonBody((await threadRequests()).create, { kind: 'inline', anchor, quote, text }),
    }),
  reply: async (documentName: string, threadId: number, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/threads/${threadId}/comments`, {
      method: 'POST',
      body: jsonBody((await threadRequests()).reply, { text }),
    }),
  setStatus: (documentName: string, threadId: number, status: 'open' | 'resolved') =>
    apiFetch<ThreadView>(
      `${base(documentName)}/threads/${threadId}/${status === 'resolved' ? 'resolve' : 'reopen'}`,
      { method: 'POST' },
    ),
  editComment: async (documentName: string, commentId: number, text: string) =>
    apiFetch<ThreadView>(`${base(documentName)}/comments/${commentId}`, {
      method: 'PATCH',
      body: jsonBody((await threadRequests()).edit, { text }),
    }),
  deleteComment: (documentName: string, commentId: number) =>
    apiFetch<ThreadView>(`${base(documentName)}/comments/${commentId}`, { method: 'DELETE' }),
}
