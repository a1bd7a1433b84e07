import { useSyncExternalStore } from 'react'
import type { SyncStatus, SyncStatusTracker } from './SyncStatusTracker.ts'

function describe(status: SyncStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved'
    case 'saving':
      return 'Saving…'
    case 'offline':
      return status.pending === 0
        ? 'Offline'
        : `Offline — ${status.pending} ${status.pending === 1 ? 'change' : 'changes'} pending`
  }
}

/** "Saved" only once the server has durably stored every local change. */
export function SyncIndicator({ tracker }: { tracker: SyncStatusTracker }) {
  const status = useSyncExternalStore(
    (listener) => tracker.subscribe(listener),
    () => tracker.status,
    () => tracker.status,
  )
  const text = describe(status)
  return (
    <output className={`sync-indicator sync-${status.state}`} aria-live="polite" data-state={status.state}>
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </output>
  )
}
