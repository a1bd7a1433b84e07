import type { SuggestionDecision } from '../../shared/suggestions/index.ts'
import type { PostgresDatabase } from '../persistence/postgres/PostgresDatabase.ts'
import type { SuggestionDecisionStore } from './SuggestionDecisionStore.ts'
import {
  type SuggestionDecisionRow,
  suggestionDecisionColumns,
  suggestionDecisionValues,
  toSuggestionDecision,
} from './suggestionDecisionRow.ts'

/** Decisions in PostgreSQL (table `suggestion_decisions`); the primary key settles concurrent decisions. */
export class PostgresSuggestionDecisionStore implements SuggestionDecisionStore {
  constructor(private readonly database: PostgresDatabase) {}

  async record(decision: SuggestionDecision): Promise<boolean> {
    const placeholders = suggestionDecisionValues(decision).map((_, index) => `$${index + 1}`)
    const result = await this.database.query(
      `INSERT INTO suggestion_decisions (${suggestionDecisionColumns}) VALUES (${placeholders.join(', ')})
       ON CONFLICT DO NOTHING`,
      suggestionDecisionValues(decision),
    )
    return result.rowCount === 1
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
}
