import { useEffect, useState } from 'react'
import type { SessionView } from '../../shared/api/index.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { authRequests } from '../api/requestSchemas.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { fragmentParam, navigate } from '../routing/useLocation.ts'
import { AccountFields } from './AccountFields.tsx'
import { AuthForm, formString } from './AuthForm.tsx'

interface InvitationView {
  delegation: Delegation
  role: Role
  name: string | null
}

/** Accepting an invitation: the delegation and role are fixed by the invitation, the person picks a password. */
export function InvitePage({ onSignedIn }: { onSignedIn: (session: SessionView) => void }) {
  const { t } = useTranslation('auth')
  const { t: tCommon } = useTranslation()
  const token = fragmentParam('token') ?? ''
  const [invitation, setInvitation] = useState<InvitationView | 'invalid' | null>(null)
  useEffect(() => {
    apiFetch<InvitationView>(`/api/invitations/${encodeURIComponent(token)}`).then(setInvitation, () =>
      setInvitation('invalid'),
    )
  }, [token])

  if (invitation === null) return <div className="loading">{t('checkingInvitation')}</div>
  if (invitation === 'invalid') {
    return (
      <main className="entry">
        <div className="entry-card">
          <p className="entry-brand">{tCommon('appName')}</p>
          <h1>{t('invitationInvalid')}</h1>
          <p className="entry-lead">{t('invitationInvalidLead')}</p>
        </div>
      </main>
    )
  }
  return (
    <AuthForm
      title={t('joinTitle')}
      lead={
        <p>
          {t('invitedAs', {
            role: tCommon(`role.${invitation.role}`),
            delegation: tCommon(`delegation.${invitation.delegation}`),
          })}
        </p>
      }
      submitLabel={t('createMyAccount')}
      onSubmit={async (form) => {
        const session = await apiFetch<SessionView>(`/api/invitations/${encodeURIComponent(token)}/accept`, {
          method: 'POST',
          body: jsonBody(authRequests.acceptInvitation, {
            name: formString(form, 'name'),
            login: formString(form, 'login'),
            password: formString(form, 'password'),
          }),
        })
        navigate('/', { replace: true })
        onSignedIn(session)
      }}
    >
      <AccountFields chooseDelegation={false} defaultName={invitation.name ?? undefined} />
    </AuthForm>
  )
}
