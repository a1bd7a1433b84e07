import { useCallback, useEffect, useState } from 'react'
import type { SessionView } from '../../shared/api/index.ts'
import { apiFetch } from '../api/apiFetch.ts'

export interface SessionState {
  session: SessionView | null
  error: string | null
  /** Re-reads the session (after sign-in, sign-out, or when the server ended it). */
  refresh: () => Promise<void>
  setSession: (session: SessionView) => void
}

export function useSession(): SessionState {
  const [session, setSession] = useState<SessionView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const refresh = useCallback(async () => {
    try {
      setSession(await apiFetch<SessionView>('/api/session'))
      setError(null)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }, [])
  useEffect(() => {
    void refresh()
  }, [refresh])
  return { session, error, refresh, setSession }
}
