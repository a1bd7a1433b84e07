import { useEffect, useId, useState } from 'react'
import { authRequests, type SessionView } from '../../shared/api/index.ts'
import { ApiError, apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { fragmentParam, navigate } from '../routing/useLocation.ts'
import { AuthForm, formString } from './AuthForm.tsx'

/** Password sign-in; a one-time link (`/sign-in#link=…`) signs in without a password. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: SessionView) => void }) {
  const loginId = useId()
  const passwordId = useId()
  const [linkState, setLinkState] = useState<'none' | 'working' | 'failed'>(() =>
    fragmentParam('link') ? 'working' : 'none',
  )

  useEffect(() => {
    const link = fragmentParam('link')
    if (!link) return
    apiFetch<SessionView>('/api/auth/link', {
      method: 'POST',
      body: jsonBody(authRequests.signInLink, { token: link }),
    }).then(
      (session) => {
        navigate('/', { replace: true })
        onSignedIn(session)
      },
      (error: unknown) => {
        window.history.replaceState(null, '', '/sign-in')
        setLinkState(error instanceof ApiError ? 'failed' : 'failed')
      },
    )
  }, [onSignedIn])

  if (linkState === 'working') return <div className="loading">Signing you in…</div>

  return (
    <AuthForm
      title="Sign in"
      lead={
        linkState === 'failed' ? (
          <p className="form-error" role="alert">
            This sign-in link has expired or was already used. Ask an administrator for a new one, or sign in
            with your password.
          </p>
        ) : (
          <p>Azerbaijan–United States Strategic Working Group drafting room.</p>
        )
      }
      submitLabel="Sign in"
      onSubmit={async (form) => {
        const session = await apiFetch<SessionView>('/api/auth/sign-in', {
          method: 'POST',
          body: jsonBody(authRequests.signIn, {
            login: formString(form, 'login'),
            password: formString(form, 'password'),
          }),
        })
        navigate('/', { replace: true })
        onSignedIn(session)
      }}
    >
      <label htmlFor={loginId}>Login</label>
      <input id={loginId} name="login" autoComplete="username" required />
      <label htmlFor={passwordId}>Password</label>
      <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
    </AuthForm>
  )
}
