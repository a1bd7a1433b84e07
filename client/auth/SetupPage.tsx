import type { SessionView, SetupRequest } from '../../shared/api/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { authRequests } from '../api/requestSchemas.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { fragmentParam, navigate } from '../routing/useLocation.ts'
import { AccountFields } from './AccountFields.tsx'
import { AuthForm, formString } from './AuthForm.tsx'

/** First run: the setup link printed by the server creates the first co-chair, who administers the room. */
export function SetupPage({ onSignedIn }: { onSignedIn: (session: SessionView) => void }) {
  const { t } = useTranslation('auth')
  const token = fragmentParam('token') ?? ''
  return (
    <AuthForm
      title={t('setupTitle')}
      lead={<p>{t('setupLead')}</p>}
      submitLabel={t('createAccount')}
      onSubmit={async (form) => {
        const session = await apiFetch<SessionView>('/api/setup', {
          method: 'POST',
          body: jsonBody(authRequests.setup, {
            token,
            name: formString(form, 'name'),
            login: formString(form, 'login'),
            password: formString(form, 'password'),
            delegation: formString(form, 'delegation') as SetupRequest['delegation'],
          }),
        })
        navigate('/', { replace: true })
        onSignedIn(session)
      }}
    >
      <AccountFields chooseDelegation />
    </AuthForm>
  )
}
