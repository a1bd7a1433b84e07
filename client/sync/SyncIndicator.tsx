import type { TFunction } from 'i18next'
import { useSyncExternalStore } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { SyncStatus, SyncStatusTracker } from './SyncStatusTracker.ts'

function describe(t: TFunction, status: SyncStatus, editor: boolean): string {
  // Someone who cannot change the text has nothing to save: they are told whether what they read is live.
  if (!editor) return status.state === 'offline' ? t('sync.offlineReader') : t('sync.live')
  switch (status.state) {
    case 'saved':
      return t('sync.saved')
    case 'saving':
      return t('sync.saving')
    case 'offline':
      return status.pending === 0 ? t('sync.offline') : t('sync.offlinePending', { count: status.pending })
  }
}

/**
 * "Saved" only once the server has durably stored every local change; for readers (`editor` false) only whether
 * the text they see is live.
 */
export function SyncIndicator({ tracker, editor }: { tracker: SyncStatusTracker; editor: boolean }) {
  const { t } = useTranslation()
  const status = useSyncExternalStore(
    (listener) => tracker.subscribe(listener),
    () => tracker.status,
    () => tracker.status,
  )
  const text = describe(t, status, editor)
  return (
    <output
      className={`sync-indicator sync-${status.state}${editor ? '' : ' is-reader'}`}
      aria-live="polite"
      data-state={status.state}
    >
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </output>
  )
}
