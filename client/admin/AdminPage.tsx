import { useCallback, useEffect, useMemo, useState } from 'react'
import type { AccountView, CreateInvitationRequest } from '../../shared/api/index.ts'
import { delegations, isRole, type Role, roles } from '../../shared/roles/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { adminRequests } from '../api/requestSchemas.ts'
import { formString } from '../auth/AuthForm.tsx'
import { errorText } from '../i18n/errorText.ts'
import { useFormatter } from '../i18n/useFormatter.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
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

/** People, invitations and the audit log; every action here is checked again by the server. */
export function AdminPage({ account }: { account: AccountView }) {
  const { t, i18n } = useTranslation('admin')
  const { t: tCommon } = useTranslation()
  const { t: tError } = useTranslation('errors')
  const format = useFormatter()
  // Action ids are paths into `admin:auditAction`; one the resources do not know yet is shown as it is.
  const auditActionLabel = (action: string): string =>
    i18n.exists(`admin:auditAction.${action}`)
      ? t(`auditAction.${action}` as 'auditAction.auth.sign-in')
      : action
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
    load().catch((error: unknown) => setMessage(errorText(tError, error)))
  }, [load, tError])

  // The server lists by delegation; within one, names sort as readers of the interface language expect.
  const sortedPeople = useMemo(
    () =>
      [...people].sort((a, b) =>
        a.delegation === b.delegation
          ? format.collator.compare(a.name, b.name)
          : a.delegation.localeCompare(b.delegation),
      ),
    [people, format],
  )

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action()
      setMessage(done)
      await load()
    } catch (error) {
      setMessage(errorText(tError, error))
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
    setLink({ label: t('invitationLink'), url: result.url })
  }

  return (
    <div className="admin">
      <header className="admin-header">
        <button type="button" className="quiet" onClick={() => navigate('/')}>
          {tCommon('backToDraft')}
        </button>
        <h1>{t('title')}</h1>
        <span className="admin-who">{t('signedInAs', { name: account.name })}</span>
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
            {tCommon('copy')}
          </button>
        </div>
      )}

      <section className="admin-section" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('inviteHeading')}</h2>
        <form
          className="invite-form"
          onSubmit={(event) => {
            event.preventDefault()
            const form = new FormData(event.currentTarget)
            void act(() => invite(form), t('invitationCreated'))
          }}
        >
          <label>
            {t('nameOptional')}
            <input name="name" maxLength={80} />
          </label>
          <label>
            {t('delegation')}
            <select name="delegation" defaultValue="AZ">
              {delegations.map((delegation) => (
                <option key={delegation} value={delegation}>
                  {tCommon(`delegation.${delegation}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('role')}
            <select name="role" defaultValue="reviewer">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {tCommon(`role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t('createInvitation')}
          </button>
        </form>
      </section>

      <section className="admin-section" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('people')}</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('login')}</th>
              <th scope="col">{t('delegation')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sortedPeople.map((person) => (
              <tr key={person.id}>
                <td>
                  {person.name}
                  {person.isAdmin ? <span className="tag">{t('adminTag')}</span> : null}
                </td>
                <td>{person.login}</td>
                <td>{tCommon(`delegation.${person.delegation}`)}</td>
                <td>
                  <select
                    aria-label={t('roleOf', { name: person.name })}
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
                          t('nowRole', { name: person.name, role: tCommon(`role.${role}`) }),
                        )
                      }
                    }}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {tCommon(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{person.disabled ? t('disabled') : t('active')}</td>
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
                          label: t('signInLinkFor', { name: person.name }),
                          url: result.url,
                        })
                      }, t('signInLinkCreated'))
                    }
                  >
                    {t('signInLink')}
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    onClick={() =>
                      void act(
                        () => apiFetch(`/api/admin/users/${person.id}/revoke-sessions`, { method: 'POST' }),
                        t('signedOutEverywhere', { name: person.name }),
                      )
                    }
                  >
                    {t('signOutEverywhere')}
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
                          person.disabled
                            ? t('enabledPerson', { name: person.name })
                            : t('disabledPerson', { name: person.name }),
                        )
                      }
                    >
                      {person.disabled ? t('enable') : t('disable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="admin-section" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('audit')}</h2>
        <table className="admin-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('what')}</th>
              <th scope="col">{t('target')}</th>
              <th scope="col">{t('from')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((event) => (
              <tr key={event.id}>
                <td>{format.dateTime(event.at)}</td>
                <td>{event.actorLogin ?? (event.actorId === null ? '—' : `#${event.actorId}`)}</td>
                <td>{auditActionLabel(event.action)}</td>
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
