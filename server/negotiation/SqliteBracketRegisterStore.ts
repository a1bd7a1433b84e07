import type { BracketRecord } from '../../shared/negotiation/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { BracketRegisterStore } from './BracketRegisterStore.ts'

interface BracketRow {
  document_name: string
  bracket_id: string
  kind: string
  state: string
  opened_by: string
  opened_at: string
  area: string | null
  clause_id: string | null
  alternatives: string
  thread_ids: string
  cleaning: string | null
  closed_at: string | null
  updated_at: string
}

function toRecord(row: BracketRow): BracketRecord {
  return {
    id: row.bracket_id,
    documentName: row.document_name,
    kind: row.kind === 'block' ? 'block' : 'inline',
    openedBy: JSON.parse(row.opened_by) as BracketRecord['openedBy'],
    openedAt: row.opened_at,
    area: row.area,
    clauseId: row.clause_id,
    alternatives: JSON.parse(row.alternatives) as BracketRecord['alternatives'],
    threadIds: JSON.parse(row.thread_ids) as number[],
    state: row.state as BracketRecord['state'],
    cleaning: row.cleaning === null ? null : (JSON.parse(row.cleaning) as BracketRecord['cleaning']),
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  }
}

/** The bracket register in SQLite (table `bracket_register`, migration 0004). */
export class SqliteBracketRegisterStore implements BracketRegisterStore {
  constructor(private readonly database: SqliteDatabase) {}

  async list(documentName: string): Promise<BracketRecord[]> {
    return (
      this.database
        .prepare('SELECT * FROM bracket_register WHERE document_name = ? ORDER BY seq')
        .all(documentName) as BracketRow[]
    ).map(toRecord)
  }

  async find(documentName: string, bracketId: string): Promise<BracketRecord | null> {
    const row = this.database
      .prepare('SELECT * FROM bracket_register WHERE document_name = ? AND bracket_id = ?')
      .get(documentName, bracketId) as BracketRow | undefined
    return row ? toRecord(row) : null
  }

  async save(records: readonly BracketRecord[]): Promise<void> {
    const upsert = this.database.prepare(
      `INSERT INTO bracket_register (document_name, bracket_id, kind, state, opened_by, opened_at, area,
         clause_id, alternatives, thread_ids, cleaning, closed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_name, bracket_id) DO UPDATE SET kind = excluded.kind, state = excluded.state,
         opened_by = excluded.opened_by, opened_at = excluded.opened_at, area = excluded.area,
         clause_id = excluded.clause_id, alternatives = excluded.alternatives, thread_ids = excluded.thread_ids,
         cleaning = excluded.cleaning, closed_at = excluded.closed_at, updated_at = excluded.updated_at`,
    )
    this.database.transaction(() => {
      for (const record of records) {
        upsert.run(
          record.documentName,
          record.id,
          record.kind,
          record.state,
          JSON.stringify(record.openedBy),
          record.openedAt,
          record.area,
          record.clauseId,
          JSON.stringify(record.alternatives),
          JSON.stringify(record.threadIds),
          record.cleaning === null ? null : JSON.stringify(record.cleaning),
          record.closedAt,
          record.updatedAt,
        )
      }
    })()
  }
}
