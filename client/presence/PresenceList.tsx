import type { Awareness } from 'y-protocols/awareness'
import { delegationLabels } from '../../shared/presence/delegationColors.ts'
import { useAwarenessUsers } from './useAwarenessUsers.ts'

function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase()
}

/** Who is here now: one avatar per open window, labelled with name and delegation. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const users = useAwarenessUsers(awareness)
  return (
    <section
      className="presence"
      aria-label={`${users.length} ${users.length === 1 ? 'person' : 'people'} here now`}
    >
      <ul>
        {users.map((user) => {
          const label = `${user.name}${user.isSelf ? ' (you)' : ''}${user.delegation ? `, ${delegationLabels[user.delegation]}` : ''}`
          return (
            <li
              key={user.clientId}
              className="presence-user"
              title={label}
              data-delegation={user.delegation ?? ''}
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
