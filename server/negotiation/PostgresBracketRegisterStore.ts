import type { BracketRecord } from '../../shared/negotiation/index.ts'
import type { PostgresDatabase } from '../persistence/postgres/PostgresDatabase.ts'
import { runInTransaction } from '../persistence/postgres/runInTransaction.ts'
import type { BracketRegisterStore } from './BracketRegisterStore.ts'

interface BracketRow {
  document_name: string
  bracket_id: string
  kind: string
  state: string
  opened_by: BracketRecord['openedBy']
  opened_at: string
  area: string | null
  clause_id: string | null
  alternatives: BracketRecord['alternatives']
  thread_ids: number[]
  cleaning: BracketRecord['cleaning']
  closed_at: string | null
  updated_at: string
}

function toRecord(row: BracketRow): BracketRecord {
  return {
    id: row.bracket_id,
    documentName: row.document_name,
    kind: row.kind === 'block' ? 'block' : 'inline',
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    area: row.area,
    clauseId: row.clause_id,
    alternatives: row.alternatives,
    threadIds: row.thread_ids,
    state: row.state as BracketRecord['state'],
    cleaning: row.cleaning,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  }
}

/** The bracket register in PostgreSQL (table `bracket_register`). */
export class PostgresBracketRegisterStore implements BracketRegisterStore {
  constructor(private readonly database: PostgresDatabase) {}

  async list(documentName: string): Promise<BracketRecord[]> {
    const { rows } = await this.database.query<BracketRow>(
      'SELECT * FROM bracket_register WHERE document_name = $1 ORDER BY seq',
      [documentName],
    )
    return rows.map(toRecord)
  }

  async find(documentName: string, bracketId: string): Promise<BracketRecord | null> {
    const { rows } = await this.database.query<BracketRow>(
      'SELECT * FROM bracket_register WHERE document_name = $1 AND bracket_id = $2',
      [documentName, bracketId],
    )
    return rows[0] ? toRecord(rows[0]) : null
  }

  async save(records: readonly BracketRecord[]): Promise<void> {
    await runInTransaction(this.database, async (client) => {
      for (const record of records) {
        await client.query(
          `INSERT INTO bracket_register (document_name, bracket_id, kind, state, opened_by, opened_at, area,
             clause_id, alternatives, thread_ids, cleaning, closed_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (document_name, bracket_id) DO UPDATE SET kind = excluded.kind, state = excluded.state,
             opened_by = excluded.opened_by, opened_at = excluded.opened_at, area = excluded.area,
             clause_id = excluded.clause_id, alternatives = excluded.alternatives,
             thread_ids = excluded.thread_ids, cleaning = excluded.cleaning, closed_at = excluded.closed_at,
             updated_at = excluded.updated_at`,
          [
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
          ],
        )
      }
    })
  }
}
