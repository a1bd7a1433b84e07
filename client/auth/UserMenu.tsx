import { useEffect, useId, useRef, useState } from 'react'
import type { AccountView } from '../../shared/api/index.ts'
import { delegationLabels } from '../../shared/presence/delegationColors.ts'
import type { Role } from '../../shared/roles/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { navigate } from '../routing/useLocation.ts'

/** Name, delegation and role in this document; sign out and (for admins) the admin page. */
export function UserMenu({
  account,
  role,
  documentName,
  onSignedOut,
}: {
  account: AccountView
  role: Role
  documentName: string
  onSignedOut: () => void
}) {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !container.current?.contains(event.target as Node)
      ) {
        setOpen(false)
      }
    }
    window.addEventListener('mousedown', close)
    window.addEventListener('keydown', close)
    return () => {
      window.removeEventListener('mousedown', close)
      window.removeEventListener('keydown', close)
    }
  }, [open])

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
          {account.delegation} · {role}
        </span>
      </button>
      {open && (
        <div className="menu" id={menuId}>
          <p className="menu-heading">
            {account.name}
            <br />
            <span>
              {delegationLabels[account.delegation]} delegation · {role}
              {account.isAdmin ? ' · administrator' : ''}
            </span>
          </p>
          <button type="button" className="menu-item" onClick={() => navigate(`/d/${documentName}/history`)}>
            History, snapshots and exports
          </button>
          {account.isAdmin && (
            <button type="button" className="menu-item" onClick={() => navigate('/admin')}>
              People and invitations
            </button>
          )}
          <button type="button" className="menu-item" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </div>
  )
}
