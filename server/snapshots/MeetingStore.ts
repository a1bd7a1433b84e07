import type { MeetingView } from '../../shared/snapshots/index.ts'

export type NewMeeting = Omit<MeetingView, 'id' | 'createdAt'>

/** Negotiation meetings, which snapshots may refer to. */
export interface MeetingStore {
  createMeeting(meeting: NewMeeting): Promise<MeetingView>
  /** Latest date first; the same date newest first. */
  listMeetings(): Promise<MeetingView[]>
  findMeeting(id: number): Promise<MeetingView | null>
}
