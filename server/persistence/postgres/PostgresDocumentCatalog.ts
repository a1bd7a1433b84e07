import type pg from 'pg'
import { isDelegation, isRole } from '../../../shared/roles/index.ts'
import { defaultSuggestionPolicy, type SuggestionPolicy } from '../../../shared/suggestions/index.ts'
import type { AccessRule, DocumentCatalog, DocumentRecord } from '../../documents/DocumentCatalog.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'
import { runInTransaction } from './runInTransaction.ts'

interface DocumentRow {
  name: string
  title: string
  position: number
  created_at: Date
  /** [subject_kind, subject_value, max_role] per rule, in order. */
  access: [string, string | null, string][]
}

function toRule([kind, value, maxRole]: [string, string | null, string]): AccessRule | null {
  if (!isRole(maxRole)) return null
  if (kind === 'everyone') return { subject: { kind: 'everyone' }, maxRole }
  if (kind === 'delegation' && isDelegation(value))
    return { subject: { kind: 'delegation', delegation: value }, maxRole }
  if (kind === 'user' && value !== null) return { subject: { kind: 'user', userId: Number(value) }, maxRole }
  return null
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    name: row.name,
    title: row.title,
    position: row.position,
    createdAt: row.created_at.toISOString(),
    access: row.access.map(toRule).filter((rule): rule is AccessRule => rule !== null),
  }
}

/** Each document with its rules, in one query. */
const recordQuery = `SELECT d.name, d.title, d.position, d.created_at,
    coalesce((SELECT json_agg(json_build_array(a.subject_kind, a.subject_value, a.max_role) ORDER BY a.id)
      FROM document_access a WHERE a.document_name = d.name), '[]') AS access
  FROM documents d`

/** The catalog in PostgreSQL (tables `documents`, `document_access`). */
export class PostgresDocumentCatalog implements DocumentCatalog {
  constructor(private readonly database: PostgresDatabase) {}

  async list(): Promise<DocumentRecord[]> {
    const { rows } = await this.database.query<DocumentRow>(
      `${recordQuery} ORDER BY d.position, d.title COLLATE "C"`,
    )
    return rows.map(toRecord)
  }

  find(name: string): Promise<DocumentRecord | null> {
    return this.findOn(this.database, name)
  }

  ensure(record: Omit<DocumentRecord, 'createdAt'>): Promise<DocumentRecord> {
    return runInTransaction(this.database, async (client) => {
      // A concurrent ensure waits here for the first one's commit, then inserts nothing and reads its record.
      const { rowCount } = await client.query(
        `INSERT INTO documents (name, title, position, created_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (name) DO NOTHING`,
        [record.name, record.title, record.position],
      )
      if (rowCount === 1) await this.insertAccess(client, record.name, record.access)
      return (await this.findOn(client, record.name))!
    })
  }

  async setAccess(name: string, access: AccessRule[]): Promise<void> {
    await runInTransaction(this.database, async (client) => {
      await client.query('DELETE FROM document_access WHERE document_name = $1', [name])
      await this.insertAccess(client, name, access)
    })
  }

  async deadlineOf(name: string): Promise<string | null> {
    const { rows } = await this.database.query<{ deadline: string | null }>(
      'SELECT deadline FROM documents WHERE name = $1',
      [name],
    )
    return rows[0]?.deadline ?? null
  }

  async setDeadline(name: string, deadline: string | null): Promise<void> {
    await this.database.query('UPDATE documents SET deadline = $1 WHERE name = $2', [deadline, name])
  }

  async suggestionPolicyOf(name: string): Promise<SuggestionPolicy> {
    const { rows } = await this.database.query<{
      suggestions_required: boolean
      reviewers_suggest: boolean
      suggestions_two_keys: boolean
    }>(
      'SELECT suggestions_required, reviewers_suggest, suggestions_two_keys FROM documents WHERE name = $1',
      [name],
    )
    const row = rows[0]
    if (!row) return { ...defaultSuggestionPolicy }
    return {
      required: row.suggestions_required,
      reviewersSuggest: row.reviewers_suggest,
      twoKeys: row.suggestions_two_keys,
    }
  }

  async setSuggestionPolicy(name: string, policy: SuggestionPolicy): Promise<void> {
    await this.database.query(
      `UPDATE documents SET suggestions_required = $1, reviewers_suggest = $2, suggestions_two_keys = $3
       WHERE name = $4`,
      [policy.required, policy.reviewersSuggest, policy.twoKeys, name],
    )
  }

  private async findOn(
    client: pg.ClientBase | PostgresDatabase,
    name: string,
  ): Promise<DocumentRecord | null> {
    const { rows } = await client.query<DocumentRow>(`${recordQuery} WHERE d.name = $1`, [name])
    return rows[0] ? toRecord(rows[0]) : null
  }

  private async insertAccess(client: pg.ClientBase, name: string, access: AccessRule[]): Promise<void> {
    for (const rule of access) {
      const value =
        rule.subject.kind === 'delegation'
          ? rule.subject.delegation
          : rule.subject.kind === 'user'
            ? String(rule.subject.userId)
            : null
      await client.query(
        'INSERT INTO document_access (document_name, subject_kind, subject_value, max_role) VALUES ($1, $2, $3, $4)',
        [name, rule.subject.kind, value, rule.maxRole],
      )
    }
  }
}
