import { useCallback, useEffect, useState } from 'react'
import { type AccountView, adminRequests, type CreateInvitationRequest } from '../../shared/api/index.ts'
import { delegationLabels } from '../../shared/presence/delegationColors.ts'
import { delegations, isRole, type Role, roles } from '../../shared/roles/index.ts'
import { ApiError, apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { formString } from '../auth/AuthForm.tsx'
import { navigate } from '../routing/useLocation.ts'

interface AuditEventView {
  id: number
  at: string
  actorId: number | null
  actorLogin: string | null
  action: string
  target: string | null
  address: string | null
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** People, invitations and the audit log; every action here is checked again by the server. */
export function AdminPage({ account }: { account: AccountView }) {
  const [people, setPeople] = useState<AccountView[]>([])
  const [audit, setAudit] = useState<AuditEventView[]>([])
  const [message, setMessage] = useState<string | null>(null)
  const [link, setLink] = useState<{ label: string; url: string } | null>(null)

  const load = useCallback(async () => {
    const [loadedPeople, loadedAudit] = await Promise.all([
      apiFetch<AccountView[]>('/api/admin/users'),
      apiFetch<AuditEventView[]>('/api/admin/audit'),
    ])
    setPeople(loadedPeople)
    setAudit(loadedAudit)
  }, [])

  useEffect(() => {
    load().catch((error: unknown) => setMessage(error instanceof ApiError ? error.message : String(error)))
  }, [load])

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action()
      setMessage(done)
      await load()
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error))
    }
  }

  async function invite(form: FormData) {
    const result = await apiFetch<{ url: string }>('/api/admin/invitations', {
      method: 'POST',
      // The options of our own selects; the schema still checks them before sending.
      body: jsonBody(adminRequests.createInvitation, {
        delegation: formString(form, 'delegation') as CreateInvitationRequest['delegation'],
        role: formString(form, 'role') as CreateInvitationRequest['role'],
        name: formString(form, 'name'),
      }),
    })
    setLink({ label: 'Invitation link (single use, valid 7 days)', url: result.url })
  }

  return (
    <div className="admin">
      <header className="admin-header">
        <button type="button" className="quiet" onClick={() => navigate('/')}>
          ← Back to the draft
        </button>
        <h1>People and invitations</h1>
        <span className="admin-who">Signed in as {account.name}</span>
      </header>
      {message && (
        <p className="admin-message" role="status">
          {message}
        </p>
      )}
      {link && (
        <div className="admin-link" role="status">
          <strong>{link.label}</strong>
          <input
            readOnly
            value={link.url}
            aria-label={link.label}
            onFocus={(event) => event.target.select()}
          />
          <button
            type="button"
            className="quiet"
            onClick={() => void navigator.clipboard?.writeText(link.url)}
          >
            Copy
          </button>
        </div>
      )}

      <section className="admin-section" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <form
          className="invite-form"
          onSubmit={(event) => {
            event.preventDefault()
            const form = new FormData(event.currentTarget)
            void act(() => invite(form), 'Invitation created')
          }}
        >
          <label>
            Name (optional)
            <input name="name" maxLength={80} />
          </label>
          <label>
            Delegation
            <select name="delegation" defaultValue="AZ">
              {delegations.map((delegation) => (
                <option key={delegation} value={delegation}>
                  {delegationLabels[delegation]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Role
            <select name="role" defaultValue="reviewer">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            Create invitation link
          </button>
        </form>
      </section>

      <section className="admin-section" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Login</th>
              <th scope="col">Delegation</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>
                  {person.name}
                  {person.isAdmin ? <span className="tag">admin</span> : null}
                </td>
                <td>{person.login}</td>
                <td>{delegationLabels[person.delegation]}</td>
                <td>
                  <select
                    aria-label={`Role of ${person.name}`}
                    value={person.role}
                    onChange={(event) => {
                      const role: Role | null = isRole(event.target.value) ? event.target.value : null
                      if (role) {
                        void act(
                          () =>
                            apiFetch(`/api/admin/users/${person.id}`, {
                              method: 'PATCH',
                              body: jsonBody(adminRequests.updateUser, { role }),
                            }),
                          `${person.name} is now ${role}`,
                        )
                      }
                    }}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{person.disabled ? 'Disabled' : 'Active'}</td>
                <td className="admin-actions">
                  <button
                    type="button"
                    className="quiet"
                    onClick={() =>
                      void act(async () => {
                        const result = await apiFetch<{ url: string }>(
                          `/api/admin/users/${person.id}/sign-in-link`,
                          {
                            method: 'POST',
                          },
                        )
                        setLink({
                          label: `One-time sign-in link for ${person.name} (valid 24 hours)`,
                          url: result.url,
                        })
                      }, 'Sign-in link created')
                    }
                  >
                    Sign-in link
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    onClick={() =>
                      void act(
                        () => apiFetch(`/api/admin/users/${person.id}/revoke-sessions`, { method: 'POST' }),
                        `Signed ${person.name} out everywhere`,
                      )
                    }
                  >
                    Sign out everywhere
                  </button>
                  {person.id !== account.id && (
                    <button
                      type="button"
                      className="quiet"
                      onClick={() =>
                        void act(
                          () =>
                            apiFetch(`/api/admin/users/${person.id}`, {
                              method: 'PATCH',
                              body: jsonBody(adminRequests.updateUser, { disabled: !person.disabled }),
                            }),
                          person.disabled ? `${person.name} enabled` : `${person.name} disabled`,
                        )
                      }
                    >
                      {person.disabled ? 'Enable' : 'Disable'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="admin-section" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log</h2>
        <table className="admin-table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((event) => (
              <tr key={event.id}>
                <td>{formatTime(event.at)}</td>
                <td>{event.actorLogin ?? (event.actorId === null ? '—' : `#${event.actorId}`)}</td>
                <td>{event.action}</td>
                <td>{event.target ?? ''}</td>
                <td>{event.address ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
