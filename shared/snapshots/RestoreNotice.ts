/**
 * What every open editor is told when a co-chair restores a version: who restored which snapshot, when, and the
 * snapshot that keeps the text as it was just before. The server writes it into the document's read-only threads
 * channel (which every open editor already follows) under `restoreNoticeKey` of the map `documentEventsMapName`.
 */
export interface RestoreNotice {
  /** ISO time of the restore; a newer notice replaces the older one. */
  at: string
  byName: string
  snapshotName: string
  beforeRestoreSnapshotId: number
  beforeRestoreSnapshotName: string
}

export const documentEventsMapName = 'events'
export const restoreNoticeKey = 'restore'

export function isRestoreNotice(value: unknown): value is RestoreNotice {
  if (value === null || typeof value !== 'object') return false
  const notice = value as Record<string, unknown>
  return (
    typeof notice.at === 'string' &&
    typeof notice.byName === 'string' &&
    typeof notice.snapshotName === 'string' &&
    typeof notice.beforeRestoreSnapshotId === 'number' &&
    typeof notice.beforeRestoreSnapshotName === 'string'
  )
}
