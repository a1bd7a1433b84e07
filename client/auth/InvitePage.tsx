import { useEffect, useState } from 'react'
import { authRequests, type SessionView } from '../../shared/api/index.ts'
import { delegationLabels } from '../../shared/presence/delegationColors.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
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
  const token = fragmentParam('token') ?? ''
  const [invitation, setInvitation] = useState<InvitationView | 'invalid' | null>(null)
  useEffect(() => {
    apiFetch<InvitationView>(`/api/invitations/${encodeURIComponent(token)}`).then(setInvitation, () =>
      setInvitation('invalid'),
    )
  }, [token])

  if (invitation === null) return <div className="loading">Checking your invitation…</div>
  if (invitation === 'invalid') {
    return (
      <main className="entry">
        <div className="entry-card">
          <p className="entry-brand">Charter Desk</p>
          <h1>Invitation not valid</h1>
          <p className="entry-lead">
            This invitation has expired or was already used. Ask a co-chair for a new one.
          </p>
        </div>
      </main>
    )
  }
  return (
    <AuthForm
      title="Join the drafting room"
      lead={
        <p>
          You are invited as <strong>{invitation.role}</strong> of the{' '}
          <strong>{delegationLabels[invitation.delegation]}</strong> delegation.
        </p>
      }
      submitLabel="Create my account"
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
