import type { ThreadView } from '../../shared/comments/index.ts'
import type { SnapshotSummary } from '../../shared/snapshots/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { NewSnapshot, SnapshotRecord, SnapshotStore } from './SnapshotStore.ts'

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

/** Snapshots in SQLite (table `snapshots`, whose triggers refuse UPDATE and DELETE). */
export class SqliteSnapshotStore implements SnapshotStore {
  constructor(private readonly database: SqliteDatabase) {}

  async createSnapshot(snapshot: NewSnapshot): Promise<SnapshotSummary> {
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

  async listSnapshots(documentName: string): Promise<SnapshotSummary[]> {
    return (
      this.database
        .prepare(
          `SELECT ${summaryColumns} FROM snapshots s LEFT JOIN meetings m ON m.id = s.meeting_id
           WHERE s.document_name = ? ORDER BY s.id DESC`,
        )
        .all(documentName) as SnapshotRow[]
    ).map(toSummary)
  }

  async findSnapshot(id: number): Promise<SnapshotRecord | null> {
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
