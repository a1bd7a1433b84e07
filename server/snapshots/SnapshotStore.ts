import type { ThreadView } from '../../shared/comments/index.ts'
import type { MeetingView, SnapshotSummary } from '../../shared/snapshots/index.ts'

export interface SnapshotRecord extends SnapshotSummary {
  /** The encoded Yjs document state at that moment. */
  state: Uint8Array
  /** The comment threads at that moment. */
  threads: ThreadView[]
}

export type NewMeeting = Omit<MeetingView, 'id' | 'createdAt'>

/** Meetings and immutable snapshots; a snapshot is written in one statement and never changed. */
export interface SnapshotStore {
  createMeeting(meeting: NewMeeting): MeetingView
  listMeetings(): MeetingView[]
  findMeeting(id: number): MeetingView | null
  createSnapshot(snapshot: Omit<SnapshotRecord, 'id' | 'createdAt' | 'meetingTitle'>): SnapshotSummary
  listSnapshots(documentName: string): SnapshotSummary[]
  findSnapshot(id: number): SnapshotRecord | null
}
