import type { MeetingView } from '../../shared/snapshots/index.ts'
import type { MeetingStore, NewMeeting } from './MeetingStore.ts'

/** In-process meetings for tests. */
export class MemoryMeetingStore implements MeetingStore {
  private readonly meetings = new Map<number, MeetingView>()

  async createMeeting(meeting: NewMeeting): Promise<MeetingView> {
    const created: MeetingView = {
      ...structuredClone(meeting),
      id: this.meetings.size + 1,
      createdAt: new Date().toISOString(),
    }
    this.meetings.set(created.id, created)
    return structuredClone(created)
  }

  async listMeetings(): Promise<MeetingView[]> {
    return [...this.meetings.values()]
      .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1))
      .map((meeting) => structuredClone(meeting))
  }

  async findMeeting(id: number): Promise<MeetingView | null> {
    const meeting = this.meetings.get(id)
    return meeting ? structuredClone(meeting) : null
  }

  /** Synchronous, for the memory snapshot store's summaries. */
  titleOf(id: number | null): string | null {
    return id === null ? null : (this.meetings.get(id)?.title ?? null)
  }
}
