import type { Awareness } from 'y-protocols/awareness'
import { findPriorityArea } from '../../shared/schema/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useAwarenessUsers } from './useAwarenessUsers.ts'

function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase()
}

/** Who is here now: one avatar per open window, labelled with name and delegation. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation()
  const users = useAwarenessUsers(awareness)
  return (
    <section className="presence" aria-label={t('presence.here', { count: users.length })}>
      <ul>
        {users.map((user) => {
          const name = user.isSelf ? t('presence.you', { name: user.name }) : user.name
          const who = user.delegation
            ? t('presence.withDelegation', { name, delegation: t(`delegation.${user.delegation}`) })
            : name
          const label = user.focus ? `${who} · ${findPriorityArea(user.focus).title}` : who
          return (
            <li
              key={user.clientId}
              className="presence-user"
              title={label}
              data-delegation={user.delegation ?? ''}
              data-focus={user.focus ?? ''}
            >
              <span className="avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
                {initials(user.name)}
              </span>
              <span className="visually-hidden">{label}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
