import type { MeetingView } from '../../shared/snapshots/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { MeetingStore, NewMeeting } from './MeetingStore.ts'

interface MeetingRow {
  id: number
  title: string
  date: string
  format: string
  place: string | null
  participants: string
  notes: string
  created_by: number
  created_at: string
}

function toMeeting(row: MeetingRow): MeetingView {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    format: row.format === 'in-person' ? 'in-person' : 'online',
    place: row.place,
    participants: JSON.parse(row.participants) as MeetingView['participants'],
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

/** Meetings in SQLite (table `meetings`). */
export class SqliteMeetingStore implements MeetingStore {
  constructor(private readonly database: SqliteDatabase) {}

  async createMeeting(meeting: NewMeeting): Promise<MeetingView> {
    const result = this.database
      .prepare(
        `INSERT INTO meetings (title, date, format, place, participants, notes, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        meeting.title,
        meeting.date,
        meeting.format,
        meeting.place,
        JSON.stringify(meeting.participants),
        meeting.notes,
        meeting.createdBy,
        new Date().toISOString(),
      )
    return (await this.findMeeting(Number(result.lastInsertRowid)))!
  }

  async listMeetings(): Promise<MeetingView[]> {
    return (
      this.database.prepare('SELECT * FROM meetings ORDER BY date DESC, id DESC').all() as MeetingRow[]
    ).map(toMeeting)
  }

  async findMeeting(id: number): Promise<MeetingView | null> {
    const row = this.database.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined
    return row ? toMeeting(row) : null
  }
}
