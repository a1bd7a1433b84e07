import { EditorContent } from '@tiptap/react'
import type { TFunction } from 'i18next'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountView, DocumentSummary } from '../shared/api/index.ts'
import type { Language } from '../shared/i18n/index.ts'
import { colorFor } from '../shared/presence/delegationColors.ts'
import { CloseCode } from '../shared/protocol/index.ts'
import { canComment, canEditText } from '../shared/roles/index.ts'
import { UserMenu } from './auth/UserMenu.tsx'
import { CommentsSidebar } from './comments/CommentsSidebar.tsx'
import { useThreads } from './comments/useThreads.ts'
import type { CaretUser } from './editor/createCaret.ts'
import { Toolbar } from './editor/Toolbar.tsx'
import { useCharterEditor } from './editor/useCharterEditor.ts'
import { SectionNavigator } from './navigator/SectionNavigator.tsx'
import { focusAreaFromLocation, useClauseMarks } from './negotiation/useClauseMarks.ts'
import { PresenceList } from './presence/PresenceList.tsx'
import { navigate } from './routing/useLocation.ts'
import { type CollabSession, createCollabSession } from './sync/createCollabSession.ts'
import { SyncIndicator } from './sync/SyncIndicator.tsx'

/** The language the charter draft is written in (its template is English). */
const draftLanguage = 'en'

interface DocumentViewProps {
  document: DocumentSummary
  documents: DocumentSummary[]
  account: AccountView
  /** The server closed the socket because this account's role or access changed. */
  onAccessChanged: () => void
  onSessionEnded: () => void
  onLanguage: (language: Language) => void
}

/** The drafting room for one document: top bar, section navigator, toolbar and the page. */
export function DocumentView(props: DocumentViewProps) {
  const { document, onAccessChanged, onSessionEnded } = props
  const { t } = useTranslation()
  const [session, setSession] = useState<CollabSession | null>(null)
  useEffect(() => {
    const created = createCollabSession(document.name)
    const onClose = (event: CloseEvent | null) => {
      if (!event) return
      if (event.code === CloseCode.unauthenticated) onSessionEnded()
      else if (
        event.code === CloseCode.policy ||
        event.code === CloseCode.notFound ||
        event.code === CloseCode.forbidden
      ) {
        onAccessChanged()
      }
    }
    created.provider.on('connection-close', onClose)
    setSession(created)
    return () => {
      created.provider.off('connection-close', onClose)
      created.destroy()
    }
  }, [document.name, onAccessChanged, onSessionEnded])

  if (!session) return <div className="loading">{t('openingDraft')}</div>
  return <Workspace {...props} session={session} />
}

function readOnlyMessage(t: TFunction, document: DocumentSummary): string | null {
  if (canEditText(document.role)) return null
  return canComment(document.role) ? t('readOnly.reviewer') : t('readOnly.observer')
}

function Workspace({
  session,
  document,
  documents,
  account,
  onSessionEnded,
  onLanguage,
}: DocumentViewProps & { session: CollabSession }) {
  const { t } = useTranslation()
  const user = useMemo<CaretUser>(
    () => ({
      name: account.name,
      delegation: account.delegation,
      color: colorFor(account.delegation, account.name),
    }),
    [account.name, account.delegation],
  )
  const editable = canEditText(document.role)
  const { t: tDashboard } = useTranslation('dashboard')
  const [agreedNotice, setAgreedNotice] = useState(false)
  const editor = useCharterEditor(session, user, editable, () => setAgreedNotice(true))
  const focusArea = useMemo(focusAreaFromLocation, [])
  useClauseMarks(editor, document.name, focusArea)
  useEffect(() => {
    session.provider.awareness.setLocalStateField('focus', focusArea)
  }, [session, focusArea])
  useEffect(() => {
    if (!agreedNotice) return
    const timer = setTimeout(() => setAgreedNotice(false), 6000)
    return () => clearTimeout(timer)
  }, [agreedNotice])
  const readOnly = readOnlyMessage(t, document)
  const { threads, loaded: threadsLoaded } = useThreads(document.name)
  const openThreadsByArea = useMemo(() => {
    const counts: Record<string, number> = {}
    for (const thread of threads) {
      if (thread.status === 'open') counts[thread.area] = (counts[thread.area] ?? 0) + 1
    }
    return counts
  }, [threads])

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            {t('brandMark')}
          </span>
          <span className="brand-name">{t('appName')}</span>
        </div>
        <div className="doc-title">
          <span className="doc-status">{t('draft')}</span>
          {documents.length > 1 ? (
            <select
              className="doc-switcher"
              aria-label={t('document')}
              value={document.name}
              onChange={(event) => navigate(`/d/${event.target.value}`)}
            >
              {documents.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.title}
                </option>
              ))}
            </select>
          ) : (
            <span className="doc-name" title={document.title}>
              {document.title}
            </span>
          )}
        </div>
        <div className="topbar-right">
          <a className="topbar-link" href={`/d/${document.name}/dashboard`}>
            {tDashboard('title')}
          </a>
          <SyncIndicator tracker={session.syncStatus} />
          <PresenceList awareness={session.provider.awareness} />
          <UserMenu
            account={account}
            role={document.role}
            documentName={document.name}
            onSignedOut={onSessionEnded}
            onLanguage={onLanguage}
          />
        </div>
      </header>
      <div className="workspace">
        {editor && <SectionNavigator editor={editor} openThreadsByArea={openThreadsByArea} />}
        <main className="document-area">
          {editor && editable && <Toolbar editor={editor} />}
          {agreedNotice && (
            <p className="read-only-banner" role="status">
              {tDashboard('agreedTextNotice')}
            </p>
          )}
          {readOnly && (
            <p className="read-only-banner" role="status">
              {readOnly}
            </p>
          )}
          {/* The draft's own language, not the interface's: under lang="az", CSS upper-casing would turn the
              English headings' "i" into "İ", changing how the document reads when someone switches language. */}
          <article className="page" lang={draftLanguage}>
            <EditorContent editor={editor} />
          </article>
        </main>
        {editor && (
          <CommentsSidebar
            editor={editor}
            ydoc={session.ydoc}
            documentName={document.name}
            role={document.role}
            accountId={account.id}
            threads={threads}
            loaded={threadsLoaded}
          />
        )}
      </div>
    </div>
  )
}
