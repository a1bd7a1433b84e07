import type { TFunction } from 'i18next'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus, SyncStatusTracker } from './SyncStatusTracker.ts'

function describe(t: TFunction, status: SyncStatus): string {
  switch (status.state) {
    case 'saved':
      return t('sync.saved')
    case 'saving':
      return t('sync.saving')
    case 'offline':
      return status.pending === 0 ? t('sync.offline') : t('sync.offlinePending', { count: status.pending })
  }
}

/** "Saved" only once the server has durably stored every local change. */
export function SyncIndicator({ tracker }: { tracker: SyncStatusTracker }) {
  const { t } = useTranslation()
  const status = useSyncExternalStore(
    (listener) => tracker.subscribe(listener),
    () => tracker.status,
    () => tracker.status,
  )
  const text = describe(t, status)
  return (
    <output className={`sync-indicator sync-${status.state}`} aria-live="polite" data-state={status.state}>
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </output>
  )
}
