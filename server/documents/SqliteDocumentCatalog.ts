import { isDelegation, isRole } from '../../shared/roles/index.ts'
import { defaultSuggestionPolicy, type SuggestionPolicy } from '../../shared/suggestions/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { AccessRule, DocumentCatalog, DocumentRecord } from './DocumentCatalog.ts'

interface DocumentRow {
  name: string
  title: string
  position: number
  created_at: string
}

interface AccessRow {
  subject_kind: string
  subject_value: string | null
  max_role: string
}

function toRule(row: AccessRow): AccessRule | null {
  if (!isRole(row.max_role)) return null
  if (row.subject_kind === 'everyone') return { subject: { kind: 'everyone' }, maxRole: row.max_role }
  if (row.subject_kind === 'delegation' && isDelegation(row.subject_value)) {
    return { subject: { kind: 'delegation', delegation: row.subject_value }, maxRole: row.max_role }
  }
  if (row.subject_kind === 'user' && row.subject_value !== null) {
    return { subject: { kind: 'user', userId: Number(row.subject_value) }, maxRole: row.max_role }
  }
  return null
}

/** The catalog in SQLite (tables `documents`, `document_access`). */
export class SqliteDocumentCatalog implements DocumentCatalog {
  constructor(private readonly database: SqliteDatabase) {}

  async list(): Promise<DocumentRecord[]> {
    const rows = this.database
      .prepare('SELECT * FROM documents ORDER BY position, title')
      .all() as DocumentRow[]
    return rows.map((row) => this.withAccess(row))
  }

  async find(name: string): Promise<DocumentRecord | null> {
    return this.findNow(name)
  }

  async ensure(record: Omit<DocumentRecord, 'createdAt'>): Promise<DocumentRecord> {
    return this.database.transaction(() => {
      const existing = this.findNow(record.name)
      if (existing) return existing
      this.database
        .prepare('INSERT INTO documents (name, title, position, created_at) VALUES (?, ?, ?, ?)')
        .run(record.name, record.title, record.position, new Date().toISOString())
      this.replaceAccess(record.name, record.access)
      return this.findNow(record.name)!
    })()
  }

  async setAccess(name: string, access: AccessRule[]): Promise<void> {
    this.replaceAccess(name, access)
  }

  async deadlineOf(name: string): Promise<string | null> {
    const row = this.database.prepare('SELECT deadline FROM documents WHERE name = ?').get(name) as
      | { deadline: string | null }
      | undefined
    return row?.deadline ?? null
  }

  async setDeadline(name: string, deadline: string | null): Promise<void> {
    this.database.prepare('UPDATE documents SET deadline = ? WHERE name = ?').run(deadline, name)
  }

  async suggestionPolicyOf(name: string): Promise<SuggestionPolicy> {
    const row = this.database
      .prepare(
        'SELECT suggestions_required, reviewers_suggest, suggestions_two_keys FROM documents WHERE name = ?',
      )
      .get(name) as
      | { suggestions_required: number; reviewers_suggest: number; suggestions_two_keys: number }
      | undefined
    if (!row) return { ...defaultSuggestionPolicy }
    return {
      required: row.suggestions_required === 1,
      reviewersSuggest: row.reviewers_suggest === 1,
      twoKeys: row.suggestions_two_keys === 1,
    }
  }

  async setSuggestionPolicy(name: string, policy: SuggestionPolicy): Promise<void> {
    this.database
      .prepare(
        `UPDATE documents SET suggestions_required = ?, reviewers_suggest = ?, suggestions_two_keys = ?
         WHERE name = ?`,
      )
      .run(policy.required ? 1 : 0, policy.reviewersSuggest ? 1 : 0, policy.twoKeys ? 1 : 0, name)
  }

  private findNow(name: string): DocumentRecord | null {
    const row = this.database.prepare('SELECT * FROM documents WHERE name = ?').get(name) as
      | DocumentRow
      | undefined
    return row ? this.withAccess(row) : null
  }

  private replaceAccess(name: string, access: AccessRule[]): void {
    this.database.transaction(() => {
      this.database.prepare('DELETE FROM document_access WHERE document_name = ?').run(name)
      const insert = this.database.prepare(
        'INSERT INTO document_access (document_name, subject_kind, subject_value, max_role) VALUES (?, ?, ?, ?)',
      )
      for (const rule of access) {
        const value =
          rule.subject.kind === 'delegation'
            ? rule.subject.delegation
            : rule.subject.kind === 'user'
              ? String(rule.subject.userId)
              : null
        insert.run(name, rule.subject.kind, value, rule.maxRole)
      }
    })()
  }

  private withAccess(row: DocumentRow): DocumentRecord {
    const rules = this.database
      .prepare(
        'SELECT subject_kind, subject_value, max_role FROM document_access WHERE document_name = ? ORDER BY rowid',
      )
      .all(row.name) as AccessRow[]
    return {
      name: row.name,
      title: row.title,
      position: row.position,
      createdAt: row.created_at,
      access: rules.map(toRule).filter((rule): rule is AccessRule => rule !== null),
    }
  }
}
