import { lazy, Suspense } from 'react'
import { charterDocumentName } from '../shared/protocol/index.ts'
import { InvitePage } from './auth/InvitePage.tsx'
import { SetupPage } from './auth/SetupPage.tsx'
import { SignInPage } from './auth/SignInPage.tsx'
import { useSession } from './auth/useSession.ts'
import { DocumentRoute } from './DocumentRoute.tsx'
import { navigate, useLocation } from './routing/useLocation.ts'

// Only administrators need the admin screens; keep them out of the initial bundle.
const AdminPage = lazy(() =>
  import('./admin/AdminPage.tsx').then((module) => ({ default: module.AdminPage })),
)
const HistoryRoute = lazy(() =>
  import('./history/HistoryRoute.tsx').then((module) => ({ default: module.HistoryRoute })),
)

export function App() {
  const path = useLocation()
  const { session, error, refresh, setSession } = useSession()

  if (path === '/invite') return <InvitePage onSignedIn={setSession} />
  if (path === '/setup') return <SetupPage onSignedIn={setSession} />
  if (error) return <div className="loading">Cannot reach the server: {error}</div>
  if (!session) return <div className="loading">Loading…</div>
  if (!session.account) {
    if (session.needsSetup && path !== '/sign-in') {
      return (
        <main className="entry">
          <div className="entry-card">
            <p className="entry-brand">Charter Desk</p>
            <h1>Not set up yet</h1>
            <p className="entry-lead">
              Open the setup link that the server printed when it started (it looks like
              <code> /setup#token=…</code>), or start a demo with <code>npm run demo</code>.
            </p>
          </div>
        </main>
      )
    }
    return <SignInPage onSignedIn={setSession} />
  }
  if (path === '/admin') {
    return (
      <Suspense fallback={<div className="loading">Loading…</div>}>
        <AdminPage account={session.account} />
      </Suspense>
    )
  }
  const history = /^\/d\/([a-z0-9-]+)\/history$/.exec(path)
  if (history) {
    return (
      <Suspense fallback={<div className="loading">Loading…</div>}>
        <HistoryRoute documentName={history[1]!} account={session.account} />
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
    />
  )
}
