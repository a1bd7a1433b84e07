import type { SuggestionDecision, SuggestionRequest } from '../../shared/suggestions/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { SuggestionDecisionStore } from './SuggestionDecisionStore.ts'
import {
  type SuggestionDecisionRow,
  type SuggestionRequestRow,
  suggestionDecisionColumns,
  suggestionDecisionValues,
  suggestionRequestColumns,
  suggestionRequestValues,
  toSuggestionDecision,
  toSuggestionRequest,
} from './suggestionDecisionRow.ts'

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ')
}

/** Decisions in SQLite (tables `suggestion_decisions` and `suggestion_requests`). */
export class SqliteSuggestionDecisionStore implements SuggestionDecisionStore {
  constructor(private readonly database: SqliteDatabase) {}

  async record(decision: SuggestionDecision): Promise<boolean> {
    return this.database.transaction(() => {
      const next = this.database
        .prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM suggestion_decisions WHERE document = ?')
        .get(decision.documentName) as { seq: number }
      const values = [...suggestionDecisionValues(decision), next.seq]
      const result = this.database
        .prepare(
          `INSERT INTO suggestion_decisions (${suggestionDecisionColumns}, seq)
           VALUES (${placeholders(values)}) ON CONFLICT DO NOTHING`,
        )
        .run(...values)
      this.database
        .prepare('DELETE FROM suggestion_requests WHERE document = ? AND suggestion_id = ?')
        .run(decision.documentName, decision.suggestionId)
      return result.changes === 1
    })()
  }

  async find(documentName: string, suggestionId: string): Promise<SuggestionDecision | null> {
    const row = this.database
      .prepare('SELECT * FROM suggestion_decisions WHERE document = ? AND suggestion_id = ?')
      .get(documentName, suggestionId) as SuggestionDecisionRow | undefined
    return row ? toSuggestionDecision(row) : null
  }

  async list(documentName: string): Promise<SuggestionDecision[]> {
    const rows = this.database
      .prepare('SELECT * FROM suggestion_decisions WHERE document = ? ORDER BY seq')
      .all(documentName) as SuggestionDecisionRow[]
    return rows.map(toSuggestionDecision)
  }

  async request(request: SuggestionRequest): Promise<boolean> {
    const values = suggestionRequestValues(request)
    const result = this.database
      .prepare(
        `INSERT INTO suggestion_requests (${suggestionRequestColumns})
         VALUES (${placeholders(values)}) ON CONFLICT DO NOTHING`,
      )
      .run(...values)
    return result.changes === 1
  }

  async findRequest(documentName: string, suggestionId: string): Promise<SuggestionRequest | null> {
    const row = this.database
      .prepare('SELECT * FROM suggestion_requests WHERE document = ? AND suggestion_id = ?')
      .get(documentName, suggestionId) as SuggestionRequestRow | undefined
    return row ? toSuggestionRequest(row) : null
  }

  async requests(documentName: string): Promise<SuggestionRequest[]> {
    const rows = this.database
      .prepare('SELECT * FROM suggestion_requests WHERE document = ? ORDER BY requested_at, suggestion_id')
      .all(documentName) as SuggestionRequestRow[]
    return rows.map(toSuggestionRequest)
  }

  async withdrawRequest(documentName: string, suggestionId: string): Promise<boolean> {
    const result = this.database
      .prepare('DELETE FROM suggestion_requests WHERE document = ? AND suggestion_id = ?')
      .run(documentName, suggestionId)
    return result.changes === 1
  }
}
