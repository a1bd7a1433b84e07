import { EditorContent } from '@tiptap/react'
import type { TFunction } from 'i18next'
import { lazy, type MouseEvent, Suspense, useEffect, useMemo, useState } from 'react'
import type { AccountView, DocumentSummary } from '../shared/api/index.ts'
import type { Language } from '../shared/i18n/index.ts'
import { isProtectedStatus } from '../shared/negotiation/clauseStatus.ts'
import { colorFor } from '../shared/presence/delegationColors.ts'
import { CloseCode } from '../shared/protocol/index.ts'
import { canComment, canEditText } from '../shared/roles/index.ts'
import type { TextAccess } from '../shared/suggestions/index.ts'
import { UserMenu } from './auth/UserMenu.tsx'
import { useThreads } from './comments/useThreads.ts'
import { useArticleLabels } from './editor/articles/useArticleLabels.ts'
import type { CaretUser } from './editor/createCaret.ts'
import { Toolbar } from './editor/Toolbar.tsx'
import { useCharterEditor } from './editor/useCharterEditor.ts'
import { useTranslation } from './i18n/useTranslation.ts'
import { BracketNoticeBar } from './negotiation/BracketNoticeBar.tsx'
import { BracketViewSwitch } from './negotiation/BracketViewSwitch.tsx'
import './negotiation/brackets.css'
import { SectionNavigator } from './navigator/SectionNavigator.tsx'
import { SidePanels } from './negotiation/SidePanels.tsx'
import { useBracketRegister } from './negotiation/useBracketRegister.ts'
import { useBracketView } from './negotiation/useBracketView.ts'
import { focusAreaFromLocation, useClauseMarks } from './negotiation/useClauseMarks.ts'
import { useOpenBrackets } from './negotiation/useOpenBrackets.ts'
import { PresenceList } from './presence/PresenceList.tsx'
import { navigate } from './routing/useLocation.ts'
import { SuggestionModeSwitch } from './suggestions/SuggestionModeSwitch.tsx'
import { SuggestionNoticeBar } from './suggestions/SuggestionNoticeBar.tsx'
import { type CollabSession, createCollabSession } from './sync/createCollabSession.ts'
import './suggestions/suggestions.css'
import { isWritableView, type SuggestionView } from './suggestions/SuggestionView.ts'
import { useSuggestionMode } from './suggestions/useSuggestionMode.ts'
import { SyncIndicator } from './sync/SyncIndicator.tsx'

// The comments panel is not needed to read or type: it arrives in its own chunk just after the first paint,
// which keeps the editor's initial script under its budget.
const CommentsSidebar = lazy(() =>
  import('./comments/CommentsSidebar.tsx').then((module) => ({ default: module.CommentsSidebar })),
)
// Deciding on suggestions needs the request schemas (zod): the panel loads when its tab is opened.
const SuggestionsPanel = lazy(() =>
  import('./suggestions/SuggestionsPanel.tsx').then((module) => ({ default: module.SuggestionsPanel })),
)
// The suggestion views and their editor plugins (filters, authors' colours) follow the first paint.
const SuggestionViewControls = lazy(() =>
  import('./suggestions/SuggestionViewControls.tsx').then((module) => ({
    default: module.SuggestionViewControls,
  })),
)
// Opened with Mod-K or from the toolbar, and the brackets tab when chosen: their chunks follow the first paint.
const CommandPalette = lazy(() =>
  import('./editor/articles/CommandPalette.tsx').then((module) => ({ default: module.CommandPalette })),
)
const BracketsPanel = lazy(() =>
  import('./negotiation/BracketsPanel.tsx').then((module) => ({ default: module.BracketsPanel })),
)
// Its menu follows the first paint; until then the button is shown, disabled, where it will be.
const ExportMenu = lazy(() =>
  import('./documents/ExportMenu.tsx').then((module) => ({ default: module.ExportMenu })),
)
// Shown only after a co-chair restores a version while this page is open.
const RestoreBanner = lazy(() =>
  import('./history/RestoreBanner.tsx').then((module) => ({ default: module.RestoreBanner })),
)

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

/** A plain click on an in-app link navigates without reloading; modified clicks keep their usual meaning. */
function followInApp(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(event.currentTarget.pathname)
}

function readOnlyMessage(t: TFunction, document: DocumentSummary, access: TextAccess): string | null {
  if (access === 'suggest') return t('suggestOnlyBanner', { ns: 'suggestions' })
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
  const { t: tDashboard } = useTranslation('dashboard')
  const bracketRegister = useBracketRegister(document.name, session.provider)
  const [agreedNotice, setAgreedNotice] = useState(false)
  const author = useMemo(
    () => ({ accountId: String(account.id), name: account.name, delegation: account.delegation }),
    [account.id, account.name, account.delegation],
  )
  // Editable at first as the role allows; the policy (reviewers may suggest), mode and views decide below.
  const editor = useCharterEditor(
    session,
    user,
    canEditText(document.role),
    { delegation: account.delegation, role: document.role },
    author,
    () => setAgreedNotice(true),
  )
  const suggestionMode = useSuggestionMode(editor, document.name, document.role, account.id)
  const [suggestionView, setSuggestionView] = useState<SuggestionView>('markup')
  const editable =
    suggestionMode.access !== 'none' &&
    suggestionMode.ready &&
    suggestionMode.mode !== 'viewing' &&
    isWritableView(suggestionView)
  useArticleLabels(editor)
  const focusArea = useMemo(focusAreaFromLocation, [])
  const clauses = useClauseMarks(editor, document.name, focusArea)
  const clauseStatuses = useMemo(
    () =>
      new Map(
        clauses.map((clause) => [
          clause.clauseId,
          { status: clause.status, label: tDashboard(`status.${clause.status}`) },
        ]),
      ),
    [clauses, tDashboard],
  )
  useEffect(() => {
    session.provider.awareness.setLocalStateField('focus', focusArea)
  }, [session, focusArea])
  useEffect(() => {
    if (!agreedNotice) return
    const timer = setTimeout(() => setAgreedNotice(false), 6000)
    return () => clearTimeout(timer)
  }, [agreedNotice])
  const readOnly = readOnlyMessage(t, document, suggestionMode.access)
  const protectedClauses = useMemo(
    () =>
      new Set(clauses.filter((clause) => isProtectedStatus(clause.status)).map((clause) => clause.clauseId)),
    [clauses],
  )
  const bracketView = useBracketView(editor, editable, account.id)
  const brackets = useOpenBrackets(editor)
  const { threads, loaded: threadsLoaded, restoreNotice } = useThreads(document.name, session.provider)
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null)
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
          <a
            className="topbar-link"
            href={`/d/${document.name}/history`}
            title={t('documentMenu.historyTitle')}
            onClick={followInApp}
          >
            {t('documentMenu.history')}
          </a>
          <Suspense
            fallback={
              <button type="button" className="topbar-button" disabled>
                {t('documentMenu.export')}
                <span aria-hidden="true"> ▾</span>
              </button>
            }
          >
            <ExportMenu documentName={document.name} />
          </Suspense>
          <SuggestionModeSwitch
            mode={suggestionMode.applied ?? suggestionMode.mode}
            allowed={suggestionMode.allowed}
            onChange={suggestionMode.setMode}
          />
          <SyncIndicator tracker={session.syncStatus} editor={editable} />
          <PresenceList awareness={session.provider.awareness} />
          <UserMenu
            account={account}
            role={document.role}
            onSignedOut={onSessionEnded}
            onLanguage={onLanguage}
          />
        </div>
      </header>
      <div className="workspace">
        {editor && (
          <SectionNavigator
            editor={editor}
            openThreadsByArea={openThreadsByArea}
            brackets={brackets}
            statuses={clauseStatuses}
          />
        )}
        <main className="document-area">
          {/* How the text is shown (suggestions, brackets): a reader's choice, above the page as in office suites,
              which keeps the top bar to one line at 1280 px. */}
          <div className="view-bar">
            {editor && (
              <Suspense fallback={null}>
                <SuggestionViewControls
                  editor={editor}
                  ydoc={session.ydoc}
                  documentName={document.name}
                  view={suggestionView}
                  onView={setSuggestionView}
                />
              </Suspense>
            )}
            <BracketViewSwitch view={bracketView.view} onChange={bracketView.setView} />
          </div>
          {editor && editable && bracketView.view === 'markup' && <Toolbar editor={editor} />}
          {editor && editable && canEditText(document.role) && (
            <Suspense fallback={null}>
              <CommandPalette editor={editor} />
            </Suspense>
          )}
          {editor && <BracketNoticeBar editor={editor} />}
          {editor && <SuggestionNoticeBar editor={editor} />}
          {restoreNotice && restoreNotice.at !== dismissedNotice && (
            <Suspense fallback={null}>
              <RestoreBanner
                notice={restoreNotice}
                documentName={document.name}
                onDismiss={() => setDismissedNotice(restoreNotice.at)}
              />
            </Suspense>
          )}
          {agreedNotice && (
            <p className="read-only-banner" role="status">
              {tDashboard('agreedTextNotice')}
            </p>
          )}
          {/* Only the page scrolls: the toolbar and notices above stay in view without covering any line. */}
          <div className="document-scroll">
            {bracketView.view === 'clean' && (
              <p className="read-only-banner" role="status">
                {t('brackets.cleanBanner', { ns: 'editor' })}
              </p>
            )}
            {readOnly && (
              <p className="read-only-banner" role="status">
                {readOnly}
              </p>
            )}
            {/* The draft's own language, not the interface's: under lang="az", CSS upper-casing would turn the
                English headings' "i" into "İ", changing how the document reads when someone switches language. */}
            <article
              className={`page view-${bracketView.view} suggestions-${suggestionView}`}
              lang={draftLanguage}
            >
              <EditorContent editor={editor} />
            </article>
          </div>
        </main>
        {editor && (
          <SidePanels
            openBrackets={brackets.length}
            suggestions={
              <Suspense fallback={<div className="suggestions-panel" aria-busy="true" />}>
                <SuggestionsPanel
                  editor={editor}
                  documentName={document.name}
                  role={document.role}
                  delegation={account.delegation}
                  protectedClauses={protectedClauses}
                  policy={suggestionMode.policy}
                  onPolicy={suggestionMode.setPolicy}
                />
              </Suspense>
            }
            brackets={
              <Suspense fallback={<div className="brackets-panel" aria-busy="true" />}>
                <BracketsPanel
                  editor={editor}
                  brackets={brackets}
                  cleaning={{
                    documentName: document.name,
                    role: document.role,
                    delegation: account.delegation,
                    accountId: account.id,
                    register: bracketRegister.byId,
                  }}
                />
              </Suspense>
            }
            comments={
              <Suspense fallback={<div className="comments" aria-busy="true" />}>
                <CommentsSidebar
                  editor={editor}
                  ydoc={session.ydoc}
                  documentName={document.name}
                  role={document.role}
                  accountId={account.id}
                  threads={threads}
                  loaded={threadsLoaded}
                />
              </Suspense>
            }
          />
        )}
      </div>
    </div>
  )
}
