import { useCallback, useEffect, useState } from 'react'
import type { AccountView, DocumentSummary } from '../shared/api/index.ts'
import type { Language } from '../shared/i18n/index.ts'
import { ApiError, apiFetch } from './api/apiFetch.ts'
import { DocumentView } from './DocumentView.tsx'
import { useTranslation } from './i18n/useTranslation.ts'
import { prefetchServerState } from './sync/loadServerState.ts'

/**
 * Loads what the account may do in the document (the server decides; offline, the service worker answers with what
 * it kept), then shows the drafting room.
 */
export function DocumentRoute({
  documentName,
  account,
  onSessionEnded,
  onLanguage,
}: {
  documentName: string
  account: AccountView
  onSessionEnded: () => void
  onLanguage: (language: Language) => void
}) {
  const { t } = useTranslation()
  const [document, setDocument] = useState<DocumentSummary | 'not-found' | 'unreachable' | null>(null)
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
      // No answer at all: offline, and this document was never opened here with a connection.
      else setDocument(error instanceof ApiError ? 'not-found' : 'unreachable')
    }
  }, [documentName, onSessionEnded])

  useEffect(() => {
    void load()
  }, [load])
  // A first visit's document state is requested beside the document's summary (see loadServerState).
  useEffect(() => prefetchServerState(documentName), [documentName])

  const unreachable = document === 'unreachable'
  useEffect(() => {
    if (!unreachable) return
    const retry = () => void load()
    window.addEventListener('online', retry)
    return () => window.removeEventListener('online', retry)
  }, [unreachable, load])

  if (document === null) return <div className="loading">{t('openingDraft')}</div>
  if (document === 'not-found' || document === 'unreachable') {
    const offline = document === 'unreachable'
    return (
      <main className="entry">
        <div className="entry-card">
          <p className="entry-brand">{t('appName')}</p>
          <h1>{offline ? t('documentOffline') : t('documentNotFound')}</h1>
          <p className="entry-lead">{offline ? t('documentOfflineLead') : t('documentNotFoundLead')}</p>
          <a href="/">{t('backToCharter')}</a>
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
      onLanguage={onLanguage}
    />
  )
}
