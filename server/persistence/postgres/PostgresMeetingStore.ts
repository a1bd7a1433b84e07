import type { MeetingView } from '../../../shared/snapshots/index.ts'
import type { MeetingStore, NewMeeting } from '../../snapshots/MeetingStore.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

interface MeetingRow {
  id: number
  title: string
  date: string
  format: string
  place: string | null
  participants: MeetingView['participants']
  notes: string
  created_by: number
  created_at: Date
}

function toMeeting(row: MeetingRow): MeetingView {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    format: row.format === 'in-person' ? 'in-person' : 'online',
    place: row.place,
    participants: row.participants,
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  }
}

/** Meetings in PostgreSQL (table `meetings`). */
export class PostgresMeetingStore implements MeetingStore {
  constructor(private readonly database: PostgresDatabase) {}

  async createMeeting(meeting: NewMeeting): Promise<MeetingView> {
    const { rows } = await this.database.query<MeetingRow>(
      `INSERT INTO meetings (title, date, format, place, participants, notes, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        meeting.title,
        meeting.date,
        meeting.format,
        meeting.place,
        JSON.stringify(meeting.participants),
        meeting.notes,
        meeting.createdBy,
        new Date(),
      ],
    )
    return toMeeting(rows[0]!)
  }

  async listMeetings(): Promise<MeetingView[]> {
    const { rows } = await this.database.query<MeetingRow>(
      'SELECT * FROM meetings ORDER BY date COLLATE "C" DESC, id DESC',
    )
    return rows.map(toMeeting)
  }

  async findMeeting(id: number): Promise<MeetingView | null> {
    const { rows } = await this.database.query<MeetingRow>('SELECT * FROM meetings WHERE id = $1', [id])
    return rows[0] ? toMeeting(rows[0]) : null
  }
}
