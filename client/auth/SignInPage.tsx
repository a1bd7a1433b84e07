import { useEffect, useId, useState } from 'react'
import type { SessionView } from '../../shared/api/index.ts'
import type { Language } from '../../shared/i18n/index.ts'
import { ApiError, apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { authRequests } from '../api/requestSchemas.ts'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { fragmentParam, navigate } from '../routing/useLocation.ts'
import { AuthForm, formString } from './AuthForm.tsx'

/** Password sign-in; a one-time link (`/sign-in#link=…`) signs in without a password. */
export function SignInPage({
  onSignedIn,
  onLanguage,
}: {
  onSignedIn: (session: SessionView) => void
  onLanguage: (language: Language) => void
}) {
  const { t } = useTranslation('auth')
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

  if (linkState === 'working') return <div className="loading">{t('signingIn')}</div>

  return (
    <AuthForm
      title={t('signIn')}
      aside={<LanguageSwitch onChange={onLanguage} />}
      lead={
        linkState === 'failed' ? (
          <p className="form-error" role="alert">
            {t('linkFailed')}
          </p>
        ) : (
          <p>{t('lead')}</p>
        )
      }
      submitLabel={t('signIn')}
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
      <label htmlFor={loginId}>{t('login')}</label>
      <input id={loginId} name="login" autoComplete="username" required />
      <label htmlFor={passwordId}>{t('password')}</label>
      <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
    </AuthForm>
  )
}
