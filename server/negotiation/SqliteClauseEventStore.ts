import type { ClauseEvent, ClauseEventDraft, ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import type { Delegation } from '../../shared/roles/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
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

/** Clause events in SQLite (table `clause_events`). */
export class SqliteClauseEventStore implements ClauseEventStore {
  constructor(private readonly database: SqliteDatabase) {}

  async append(documentName: string, draft: ClauseEventDraft): Promise<ClauseEvent> {
    // One synchronous transaction: reading the last link and inserting the next cannot interleave.
    return this.database.transaction(() => {
      const last = this.database
        .prepare('SELECT * FROM clause_events WHERE document = ? ORDER BY seq DESC LIMIT 1')
        .get(documentName) as ClauseEventRow | undefined
      const event = chainClauseEvent(documentName, last ? toEvent(last) : null, draft)
      this.database
        .prepare(
          `INSERT INTO clause_events (document, seq, clause_id, action, from_status, to_status, account_id,
             account_name, delegation, at, text_hash, reason, snapshot_id, previous_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
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
        )
      return event
    })()
  }

  async list(documentName: string): Promise<ClauseEvent[]> {
    return (
      this.database
        .prepare('SELECT * FROM clause_events WHERE document = ? ORDER BY seq')
        .all(documentName) as ClauseEventRow[]
    ).map(toEvent)
  }
}
