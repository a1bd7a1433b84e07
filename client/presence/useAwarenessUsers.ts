import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { isDelegation } from '../../shared/roles/index.ts'
import { type AreaId, isAreaId } from '../../shared/schema/index.ts'
import type { CaretUser } from '../editor/createCaret.ts'

export interface PresentUser extends CaretUser {
  clientId: number
  isSelf: boolean
  /** The area whose parallel session they work in (the focus view), if any. */
  focus: AreaId | null
}

function readUsers(awareness: Awareness): PresentUser[] {
  const users: PresentUser[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: Record<string, unknown> }).user
    if (!user || typeof user.name !== 'string') continue
    users.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#666',
      delegation: isDelegation(user.delegation) ? user.delegation : null,
      isSelf: clientId === awareness.clientID,
      focus: isAreaId((state as { focus?: unknown }).focus) ? (state as { focus: AreaId }).focus : null,
    })
  }
  return users.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}

/** Everyone currently in the document, from the awareness protocol. */
export function useAwarenessUsers(awareness: Awareness): PresentUser[] {
  const [users, setUsers] = useState(() => readUsers(awareness))
  useEffect(() => {
    const update = () => setUsers(readUsers(awareness))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return users
}
