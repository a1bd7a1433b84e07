import { useCallback, useEffect, useState } from 'react'
import type { AccountView, DocumentSummary } from '../shared/api/index.ts'
import { ApiError, apiFetch } from './api/apiFetch.ts'
import { DocumentView } from './DocumentView.tsx'

/** Loads what the account may do in the document (the server decides), then shows the drafting room. */
export function DocumentRoute({
  documentName,
  account,
  onSessionEnded,
}: {
  documentName: string
  account: AccountView
  onSessionEnded: () => void
}) {
  const [document, setDocument] = useState<DocumentSummary | 'not-found' | null>(null)
  const [documents, setDocuments] = useState<DocumentSummary[]>([])

  const load = useCallback(async () => {
    try {
      const [current, all] = await Promise.all([
        apiFetch<DocumentSummary>(`/api/documents/${documentName}`),
        apiFetch<DocumentSummary[]>('/api/documents'),
      ])
      setDocument(current)
      setDocuments(all)
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onSessionEnded()
      else setDocument('not-found')
    }
  }, [documentName, onSessionEnded])

  useEffect(() => {
    void load()
  }, [load])

  if (document === null) return <div className="loading">Opening the draft…</div>
  if (document === 'not-found') {
    return (
      <main className="entry">
        <div className="entry-card">
          <p className="entry-brand">Charter Desk</p>
          <h1>Document not found</h1>
          <p className="entry-lead">It does not exist, or you do not have access to it.</p>
          <a href="/">Back to the charter draft</a>
        </div>
      </main>
    )
  }
  return (
    <DocumentView
      key={document.role}
      document={document}
      documents={documents}
      account={account}
      onAccessChanged={load}
      onSessionEnded={onSessionEnded}
    />
  )
}
