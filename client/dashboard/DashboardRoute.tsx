import { useEffect, useState } from 'react'
import type { AccountView, DocumentSummary } from '../../shared/api/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { DashboardPage } from './DashboardPage.tsx'

/** Loads the account's role in the document, then shows the negotiation dashboard. */
export function DashboardRoute({ documentName, account }: { documentName: string; account: AccountView }) {
  const { t } = useTranslation('dashboard')
  const { t: tHistory } = useTranslation('history')
  const [document, setDocument] = useState<DocumentSummary | 'not-found' | null>(null)
  useEffect(() => {
    apiFetch<DocumentSummary>(`/api/documents/${documentName}`).then(setDocument, () =>
      setDocument('not-found'),
    )
  }, [documentName])
  if (document === null) return <div className="loading">{t('loading')}</div>
  if (document === 'not-found') return <div className="loading">{tHistory('notFound')}</div>
  return <DashboardPage document={document} account={account} />
}
