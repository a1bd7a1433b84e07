import type { ThreadView } from '../../shared/comments/index.ts'
import type { SnapshotSummary } from '../../shared/snapshots/index.ts'

export interface SnapshotRecord extends SnapshotSummary {
  /** The encoded Yjs document state at that moment. */
  state: Uint8Array
  /** The comment threads at that moment. */
  threads: ThreadView[]
}

export type NewSnapshot = Omit<SnapshotRecord, 'id' | 'createdAt' | 'meetingTitle'>

/**
 * Immutable named versions of a document: a snapshot is written in one statement and never changed or deleted
 * (the SQL backends refuse it in the database itself). Summaries carry the title of their meeting.
 */
export interface SnapshotStore {
  createSnapshot(snapshot: NewSnapshot): Promise<SnapshotSummary>
  /** Newest first. */
  listSnapshots(documentName: string): Promise<SnapshotSummary[]>
  findSnapshot(id: number): Promise<SnapshotRecord | null>
}
