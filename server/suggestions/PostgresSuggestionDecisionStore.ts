import type { SuggestionDecision, SuggestionRequest } from '../../shared/suggestions/index.ts'
import type { PostgresDatabase } from '../persistence/postgres/PostgresDatabase.ts'
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
  return values.map((_, index) => `$${index + 1}`).join(', ')
}

/**
 * Decisions in PostgreSQL (tables `suggestion_decisions` and `suggestion_requests`); the primary keys settle
 * concurrent decisions and concurrent first keys.
 */
export class PostgresSuggestionDecisionStore implements SuggestionDecisionStore {
  constructor(private readonly database: PostgresDatabase) {}

  async record(decision: SuggestionDecision): Promise<boolean> {
    const values = suggestionDecisionValues(decision)
    // One statement, so the waiting first key goes in the same transaction as the decision.
    const result = await this.database.query<{ stored: number }>(
      `WITH stored AS (
         INSERT INTO suggestion_decisions (${suggestionDecisionColumns}) VALUES (${placeholders(values)})
         ON CONFLICT DO NOTHING RETURNING 1
       ), withdrawn AS (
         DELETE FROM suggestion_requests WHERE document = $1 AND suggestion_id = $2
       )
       SELECT count(*)::int AS stored FROM stored`,
      values,
    )
    return result.rows[0]?.stored === 1
  }

  async find(documentName: string, suggestionId: string): Promise<SuggestionDecision | null> {
    const { rows } = await this.database.query<SuggestionDecisionRow>(
      'SELECT * FROM suggestion_decisions WHERE document = $1 AND suggestion_id = $2',
      [documentName, suggestionId],
    )
    return rows[0] ? toSuggestionDecision(rows[0]) : null
  }

  async list(documentName: string): Promise<SuggestionDecision[]> {
    const { rows } = await this.database.query<SuggestionDecisionRow>(
      'SELECT * FROM suggestion_decisions WHERE document = $1 ORDER BY seq',
      [documentName],
    )
    return rows.map(toSuggestionDecision)
  }

  async request(request: SuggestionRequest): Promise<boolean> {
    const values = suggestionRequestValues(request)
    const result = await this.database.query(
      `INSERT INTO suggestion_requests (${suggestionRequestColumns}) VALUES (${placeholders(values)})
       ON CONFLICT DO NOTHING`,
      values,
    )
    return result.rowCount === 1
  }

  async findRequest(documentName: string, suggestionId: string): Promise<SuggestionRequest | null> {
    const { rows } = await this.database.query<SuggestionRequestRow>(
      'SELECT * FROM suggestion_requests WHERE document = $1 AND suggestion_id = $2',
      [documentName, suggestionId],
    )
    return rows[0] ? toSuggestionRequest(rows[0]) : null
  }

  async requests(documentName: string): Promise<SuggestionRequest[]> {
    const { rows } = await this.database.query<SuggestionRequestRow>(
      'SELECT * FROM suggestion_requests WHERE document = $1 ORDER BY requested_at, suggestion_id',
      [documentName],
    )
    return rows.map(toSuggestionRequest)
  }

  async withdrawRequest(documentName: string, suggestionId: string): Promise<boolean> {
    const result = await this.database.query(
      'DELETE FROM suggestion_requests WHERE document = $1 AND suggestion_id = $2',
      [documentName, suggestionId],
    )
    return result.rowCount === 1
  }
}
