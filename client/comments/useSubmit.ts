import { useState } from 'react'
import type { ThreadView } from '../../shared/comments/index.ts'
import { errorText } from '../i18n/errorText.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** Runs a composer's API call once at a time, keeping its busy state and the server's error. */
export function useSubmit(action: () => Promise<ThreadView>, onCreated: (thread: ThreadView) => void) {
  const { t } = useTranslation('errors')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function submit() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      onCreated(await action())
    } catch (failure) {
      setError(errorText(t, failure))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, submit }
}
