import type { SuggestionDecision } from '../../shared/suggestions/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { SuggestionDecisionStore } from './SuggestionDecisionStore.ts'
import {
  type SuggestionDecisionRow,
  suggestionDecisionColumns,
  suggestionDecisionValues,
  toSuggestionDecision,
} from './suggestionDecisionRow.ts'

/** Decisions in SQLite (table `suggestion_decisions`). */
export class SqliteSuggestionDecisionStore implements SuggestionDecisionStore {
  constructor(private readonly database: SqliteDatabase) {}

  async record(decision: SuggestionDecision): Promise<boolean> {
    return this.database.transaction(() => {
      const next = this.database
        .prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM suggestion_decisions WHERE document = ?')
        .get(decision.documentName) as { seq: number }
      const result = this.database
        .prepare(
          `INSERT INTO suggestion_decisions (${suggestionDecisionColumns}, seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(...suggestionDecisionValues(decision), next.seq)
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
}
