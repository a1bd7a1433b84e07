import type { ThreadView } from '../../shared/comments/index.ts'
import type { MeetingView, SnapshotSummary } from '../../shared/snapshots/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { NewMeeting, SnapshotRecord, SnapshotStore } from './SnapshotStore.ts'

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

interface SnapshotRow {
  id: number
  document_name: string
  name: string
  meeting_id: number | null
  meeting_title: string | null
  kind: string
  created_by: number
  created_by_name: string
  created_at: string
  content_hash: string
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

function toSummary(row: SnapshotRow): SnapshotSummary {
  return {
    id: row.id,
    documentName: row.document_name,
    name: row.name,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    kind: row.kind === 'before-restore' ? 'before-restore' : 'manual',
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    contentHash: row.content_hash,
  }
}

const summaryColumns = `s.id, s.document_name, s.name, s.meeting_id, m.title AS meeting_title, s.kind, s.created_by,
  s.created_by_name, s.created_at, s.content_hash`

export class SqliteSnapshotStore implements SnapshotStore {
  constructor(private readonly database: SqliteDatabase) {
    database.exec(`
      CREATE TABLE IF NOT EXISTS meetings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('online', 'in-person')),
        place TEXT,
        participants TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS snapshots (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_name TEXT NOT NULL,
        name TEXT NOT NULL,
        meeting_id INTEGER REFERENCES meetings (id),
        kind TEXT NOT NULL CHECK (kind IN ('manual', 'before-restore')),
        state BLOB NOT NULL,
        threads TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        created_by INTEGER NOT NULL,
        created_by_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS snapshots_by_document ON snapshots (document_name, id);
      -- History is never rewritten: the database itself refuses to change or delete a snapshot.
      CREATE TRIGGER IF NOT EXISTS snapshots_are_immutable BEFORE UPDATE ON snapshots
        BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
      CREATE TRIGGER IF NOT EXISTS snapshots_are_kept BEFORE DELETE ON snapshots
        BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
    `)
  }

  createMeeting(meeting: NewMeeting): MeetingView {
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
    return this.findMeeting(Number(result.lastInsertRowid))!
  }

  listMeetings(): MeetingView[] {
    return (
      this.database.prepare('SELECT * FROM meetings ORDER BY date DESC, id DESC').all() as MeetingRow[]
    ).map(toMeeting)
  }

  findMeeting(id: number): MeetingView | null {
    const row = this.database.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined
    return row ? toMeeting(row) : null
  }

  createSnapshot(snapshot: Omit<SnapshotRecord, 'id' | 'createdAt' | 'meetingTitle'>): SnapshotSummary {
    const result = this.database
      .prepare(
        `INSERT INTO snapshots (document_name, name, meeting_id, kind, state, threads, content_hash, created_by,
           created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        snapshot.documentName,
        snapshot.name,
        snapshot.meetingId,
        snapshot.kind,
        snapshot.state,
        JSON.stringify(snapshot.threads),
        snapshot.contentHash,
        snapshot.createdBy,
        snapshot.createdByName,
        new Date().toISOString(),
      )
    return this.findSummary(Number(result.lastInsertRowid))!
  }

  listSnapshots(documentName: string): SnapshotSummary[] {
    return (
      this.database
        .prepare(
          `SELECT ${summaryColumns} FROM snapshots s LEFT JOIN meetings m ON m.id = s.meeting_id
           WHERE s.document_name = ? ORDER BY s.id DESC`,
        )
        .all(documentName) as SnapshotRow[]
    ).map(toSummary)
  }

  findSnapshot(id: number): SnapshotRecord | null {
    const summary = this.findSummary(id)
    if (!summary) return null
    const row = this.database.prepare('SELECT state, threads FROM snapshots WHERE id = ?').get(id) as {
      state: Buffer
      threads: string
    }
    return {
      ...summary,
      state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength),
      threads: JSON.parse(row.threads) as ThreadView[],
    }
  }

  private findSummary(id: number): SnapshotSummary | null {
    const row = this.database
      .prepare(
        `SELECT ${summaryColumns} FROM snapshots s LEFT JOIN meetings m ON m.id = s.meeting_id WHERE s.id = ?`,
      )
      .get(id) as SnapshotRow | undefined
    return row ? toSummary(row) : null
  }
}
