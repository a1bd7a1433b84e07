import { useCallback, useId, useRef, useState } from 'react'
import type { AccountView } from '../../shared/api/index.ts'
import type { Language } from '../../shared/i18n/index.ts'
import type { Role } from '../../shared/roles/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useDismiss } from '../menus/useDismiss.ts'
import { navigate } from '../routing/useLocation.ts'

/** Name, delegation and role in this document; the language switch, sign out and (for admins) the admin page. */
export function UserMenu({
  account,
  role,
  onSignedOut,
  onLanguage,
}: {
  account: AccountView
  role: Role
  onSignedOut: () => void
  onLanguage: (language: Language) => void
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const container = useRef<HTMLDivElement>(null)

  const close = useCallback(() => setOpen(false), [])
  useDismiss(open, container, close)

  async function signOut() {
    await apiFetch('/api/auth/sign-out', { method: 'POST' })
    navigate('/sign-in', { replace: true })
    onSignedOut()
  }

  return (
    <div className="user-menu" ref={container}>
      <button
        type="button"
        className="user-chip"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <span className="user-name">{account.name}</span>
        <span className="user-meta">
          {t(`delegationShort.${account.delegation}`)} · {t(`role.${role}`)}
        </span>
      </button>
      {open && (
        <div className="menu" id={menuId}>
          <p className="menu-heading">
            {account.name}
            <br />
            <span>
              {t('menu.delegationAndRole', {
                delegation: t(`delegation.${account.delegation}`),
                role: t(`role.${role}`),
              })}
              {account.isAdmin ? t('menu.administrator') : ''}
            </span>
          </p>
          {account.isAdmin && (
            <button type="button" className="menu-item" onClick={() => navigate('/admin')}>
              {t('menu.people')}
            </button>
          )}
          <button type="button" className="menu-item" onClick={() => void signOut()}>
            {t('menu.signOut')}
          </button>
          <LanguageSwitch onChange={onLanguage} />
        </div>
      )}
    </div>
  )
}
