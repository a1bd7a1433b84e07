import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import type { Language } from '../shared/i18n/index.ts'
import { charterDocumentName } from '../shared/protocol/index.ts'
import { useSession } from './auth/useSession.ts'
import { DocumentRoute } from './DocumentRoute.tsx'
import { hasStrings, loadLanguage } from './i18n/loadLanguage.ts'
import { saveLanguage } from './i18n/saveLanguage.ts'
import { useTranslation } from './i18n/useTranslation.ts'
import { navigate, useLocation } from './routing/useLocation.ts'

// Only the editor is in the initial script: the entry screens, admin and history are loaded when visited (they
// bring zod and the request schemas with them, see api/requestSchemas.ts).
const InvitePage = lazy(() =>
  import('./auth/InvitePage.tsx').then((module) => ({ default: module.InvitePage })),
)
const SetupPage = lazy(() => import('./auth/SetupPage.tsx').then((module) => ({ default: module.SetupPage })))
const SignInPage = lazy(() =>
  import('./auth/SignInPage.tsx').then((module) => ({ default: module.SignInPage })),
)
const AdminPage = lazy(() =>
  import('./admin/AdminPage.tsx').then((module) => ({ default: module.AdminPage })),
)
const HistoryRoute = lazy(() =>
  import('./history/HistoryRoute.tsx').then((module) => ({ default: module.HistoryRoute })),
)

const DashboardRoute = lazy(() =>
  import('./dashboard/DashboardRoute.tsx').then((module) => ({ default: module.DashboardRoute })),
)

export function App() {
  const path = useLocation()
  const { session, error, refresh, setSession } = useSession()
  const { t, i18n } = useTranslation()
  // A language picked before signing in is kept with the account once the person is known.
  const [pickedBeforeSignIn, setPickedBeforeSignIn] = useState<Language | null>(null)

  useEffect(() => {
    if (!session) return
    if (session.account && pickedBeforeSignIn) {
      setPickedBeforeSignIn(null)
      setSession({ ...session, language: pickedBeforeSignIn })
      void saveLanguage(pickedBeforeSignIn)
    } else if (!pickedBeforeSignIn) {
      void loadLanguage(i18n, session.language)
    }
  }, [session, pickedBeforeSignIn, i18n, setSession])

  const chooseLanguage = useCallback(
    (language: Language) => {
      void loadLanguage(i18n, language)
      if (session?.account) {
        setSession({ ...session, language })
        void saveLanguage(language)
      } else {
        setPickedBeforeSignIn(language)
      }
    },
    [i18n, session, setSession],
  )

  // The session is requested while the strings load (client/main.tsx); nothing is shown before they arrive.
  if (!hasStrings(i18n)) return null
  const loading = <div className="loading">{t('loading')}</div>
  if (path === '/invite') {
    return (
      <Suspense fallback={loading}>
        <InvitePage onSignedIn={setSession} />
      </Suspense>
    )
  }
  if (path === '/setup') {
    return (
      <Suspense fallback={loading}>
        <SetupPage onSignedIn={setSession} />
      </Suspense>
    )
  }
  if (error) return <div className="loading">{t('cannotReachServer', { error })}</div>
  if (!session) return <div className="loading">{t('loading')}</div>
  if (!session.account) {
    if (session.needsSetup && path !== '/sign-in') {
      return (
        <main className="entry">
          <div className="entry-card">
            <p className="entry-brand">{t('appName')}</p>
            <h1>{t('notSetUp')}</h1>
            <p className="entry-lead">{t('notSetUpLead')}</p>
          </div>
        </main>
      )
    }
    return (
      <Suspense fallback={loading}>
        <SignInPage onSignedIn={setSession} onLanguage={chooseLanguage} />
      </Suspense>
    )
  }
  if (path === '/admin') {
    return (
      <Suspense fallback={loading}>
        <AdminPage account={session.account} />
      </Suspense>
    )
  }
  const history = /^\/d\/([a-z0-9-]+)\/history$/.exec(path)
  if (history) {
    return (
      <Suspense fallback={loading}>
        <HistoryRoute documentName={history[1]!} account={session.account} />
      </Suspense>
    )
  }
  const dashboard = /^\/d\/([a-z0-9-]+)\/dashboard$/.exec(path)
  if (dashboard) {
    return (
      <Suspense fallback={<div className="loading">{t('loading')}</div>}>
        <DashboardRoute documentName={dashboard[1]!} account={session.account} />
      </Suspense>
    )
  }
  const match = /^\/d\/([a-z0-9-]+)$/.exec(path)
  if (!match) {
    navigate(`/d/${charterDocumentName}`, { replace: true })
    return null
  }
  return (
    <DocumentRoute
      key={match[1]}
      documentName={match[1]!}
      account={session.account}
      onSessionEnded={refresh}
      onLanguage={chooseLanguage}
    />
  )
}
