import type { ThreadView } from '../../../shared/comments/index.ts'
import type { SnapshotSummary } from '../../../shared/snapshots/index.ts'
import type { NewSnapshot, SnapshotRecord, SnapshotStore } from '../../snapshots/SnapshotStore.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'

interface SnapshotRow {
  id: number
  document_name: string
  name: string
  meeting_id: number | null
  meeting_title: string | null
  kind: string
  created_by: number
  created_by_name: string
  created_at: Date
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
    createdAt: row.created_at.toISOString(),
    contentHash: row.content_hash,
  }
}

const summaryColumns = `s.id, s.document_name, s.name, s.meeting_id, m.title AS meeting_title, s.kind, s.created_by,
  s.created_by_name, s.created_at, s.content_hash`

/** Snapshots in PostgreSQL (table `snapshots`, whose trigger refuses UPDATE, DELETE and TRUNCATE). */
export class PostgresSnapshotStore implements SnapshotStore {
  constructor(private readonly database: PostgresDatabase) {}

  async createSnapshot(snapshot: NewSnapshot): Promise<SnapshotSummary> {
    const { rows } = await this.database.query<{ id: number }>(
      `INSERT INTO snapshots (document_name, name, meeting_id, kind, state, threads, content_hash, created_by,
         created_by_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        snapshot.documentName,
        snapshot.name,
        snapshot.meetingId,
        snapshot.kind,
        Buffer.from(snapshot.state.buffer, snapshot.state.byteOffset, snapshot.state.byteLength),
        JSON.stringify(snapshot.threads),
        snapshot.contentHash,
        snapshot.createdBy,
        snapshot.createdByName,
        new Date(),
      ],
    )
    return (await this.findSummary(rows[0]!.id))!
  }

  async listSnapshots(documentName: string): Promise<SnapshotSummary[]> {
    const { rows } = await this.database.query<SnapshotRow>(
      `SELECT ${summaryColumns} FROM snapshots s LEFT JOIN meetings m ON m.id = s.meeting_id
       WHERE s.document_name = $1 ORDER BY s.id DESC`,
      [documentName],
    )
    return rows.map(toSummary)
  }

  async findSnapshot(id: number): Promise<SnapshotRecord | null> {
    const { rows } = await this.database.query<SnapshotRow & { state: Buffer; threads: ThreadView[] }>(
      `SELECT ${summaryColumns}, s.state, s.threads FROM snapshots s LEFT JOIN meetings m ON m.id = s.meeting_id
       WHERE s.id = $1`,
      [id],
    )
    const row = rows[0]
    if (!row) return null
    return {
      ...toSummary(row),
      state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength),
      threads: row.threads,
    }
  }

  private async findSummary(id: number): Promise<SnapshotSummary | null> {
    const { rows } = await this.database.query<SnapshotRow>(
      `SELECT ${summaryColumns} FROM snapshots s LEFT JOIN meetings m ON m.id = s.meeting_id WHERE s.id = $1`,
      [id],
    )
    return rows[0] ? toSummary(rows[0]) : null
  }
}
