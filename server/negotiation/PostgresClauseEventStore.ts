import type { ClauseEvent, ClauseEventDraft, ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import type { Delegation } from '../../shared/roles/index.ts'
import type { PostgresDatabase } from '../persistence/postgres/PostgresDatabase.ts'
import { runInTransaction } from '../persistence/postgres/runInTransaction.ts'
import type { ClauseEventStore } from './ClauseEventStore.ts'
import { chainClauseEvent } from './clauseEventChain.ts'

interface ClauseEventRow {
  document: string
  seq: number
  clause_id: string
  action: ClauseEvent['action']
  from_status: ClauseStatus
  to_status: ClauseStatus
  account_id: number
  account_name: string
  delegation: Delegation
  at: string
  text_hash: string
  reason: string
  snapshot_id: number | null
  previous_hash: string
  hash: string
}

function toEvent(row: ClauseEventRow): ClauseEvent {
  return {
    documentName: row.document,
    seq: row.seq,
    clauseId: row.clause_id,
    action: row.action,
    from: row.from_status,
    to: row.to_status,
    accountId: row.account_id,
    accountName: row.account_name,
    delegation: row.delegation,
    at: row.at,
    textHash: row.text_hash,
    reason: row.reason,
    snapshotId: row.snapshot_id,
    previousHash: row.previous_hash,
    hash: row.hash,
  }
}

/** Clause events in PostgreSQL (table `clause_events`). */
export class PostgresClauseEventStore implements ClauseEventStore {
  constructor(private readonly database: PostgresDatabase) {}

  async append(documentName: string, draft: ClauseEventDraft): Promise<ClauseEvent> {
    return runInTransaction(this.database, async (client) => {
      // One chain per document: the advisory lock orders appends from every instance, so each links to the last.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`clause_events:${documentName}`])
      const { rows } = await client.query<ClauseEventRow>(
        'SELECT * FROM clause_events WHERE document = $1 ORDER BY seq DESC LIMIT 1',
        [documentName],
      )
      const event = chainClauseEvent(documentName, rows[0] ? toEvent(rows[0]) : null, draft)
      await client.query(
        `INSERT INTO clause_events (document, seq, clause_id, action, from_status, to_status, account_id,
           account_name, delegation, at, text_hash, reason, snapshot_id, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          documentName,
          event.seq,
          event.clauseId,
          event.action,
          event.from,
          event.to,
          event.accountId,
          event.accountName,
          event.delegation,
          event.at,
          event.textHash,
          event.reason,
          event.snapshotId,
          event.previousHash,
          event.hash,
        ],
      )
      return event
    })
  }

  async list(documentName: string): Promise<ClauseEvent[]> {
    const { rows } = await this.database.query<ClauseEventRow>(
      'SELECT * FROM clause_events WHERE document = $1 ORDER BY seq',
      [documentName],
    )
    return rows.map(toEvent)
  }
}
