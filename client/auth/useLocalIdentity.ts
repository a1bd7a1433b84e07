import { useCallback, useState } from 'react'
import { isDelegation } from '../../shared/roles/index.ts'
import type { Identity } from './Identity.ts'

const storageKey = 'charter-desk:identity'

function readStoredIdentity(): Identity | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return null
    const { name, delegation } = parsed as Record<string, unknown>
    if (typeof name !== 'string' || name.trim() === '' || !isDelegation(delegation)) return null
    return { name: name.trim().slice(0, 60), delegation, role: 'drafter' }
  } catch {
    return null
  }
}

/** The visitor's chosen display name and delegation, remembered in this browser. */
export function useLocalIdentity(): [Identity | null, (identity: Identity | null) => void] {
  const [identity, setIdentityState] = useState<Identity | null>(readStoredIdentity)
  const setIdentity = useCallback((next: Identity | null) => {
    if (next)
      localStorage.setItem(storageKey, JSON.stringify({ name: next.name, delegation: next.delegation }))
    else localStorage.removeItem(storageKey)
    setIdentityState(next)
  }, [])
  return [identity, setIdentity]
}
