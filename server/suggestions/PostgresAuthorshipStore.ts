import type { PostgresDatabase } from '../persistence/postgres/PostgresDatabase.ts'
import type { AuthorshipStore, ClientAuthor, TextDeletion } from './AuthorshipStore.ts'
import {
  type ClientAuthorRow,
  type TextDeletionRow,
  toClientAuthor,
  toTextDeletion,
} from './clientAuthorRow.ts'

/** Client authors in PostgreSQL (table `client_authors`); the primary key keeps the first author of an id. */
export class PostgresAuthorshipStore implements AuthorshipStore {
  readonly exclusive = false
  constructor(private readonly database: PostgresDatabase) {}

  async record(documentName: string, authors: readonly ClientAuthor[]): Promise<ClientAuthor[]> {
    if (authors.length === 0) return []
    const values: (string | number | null)[] = []
    const rows = authors.map((author, index) => {
      values.push(
        documentName,
        author.clientId,
        author.accountId,
        author.name,
        author.delegation,
        author.firstSeen,
      )
      const first = index * 6
      return `($${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}, $${first + 5}, $${first + 6})`
    })
    await this.database.query(
      `INSERT INTO client_authors (document, client_id, account_id, account_name, delegation, first_seen)
       VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`,
      values,
    )
    const { rows: stored } = await this.database.query<ClientAuthorRow>(
      'SELECT * FROM client_authors WHERE document = $1 AND client_id = ANY($2::bigint[])',
      [documentName, authors.map((author) => author.clientId)],
    )
    const byId = new Map(stored.map((row) => [Number(row.client_id), toClientAuthor(row)]))
    return authors.map((author) => byId.get(author.clientId) ?? author)
  }

  async recordDeletions(documentName: string, deletions: readonly TextDeletion[]): Promise<void> {
    if (deletions.length === 0) return
    const values: (string | number | null)[] = []
    const rows = deletions.map((deletion, index) => {
      values.push(
        documentName,
        deletion.client,
        deletion.clock,
        deletion.length,
        deletion.accountId,
        deletion.name,
        deletion.delegation,
        deletion.at,
      )
      return `(${Array.from({ length: 8 }, (_, column) => `$${index * 8 + column + 1}`).join(', ')})`
    })
    await this.database.query(
      `INSERT INTO text_deletions (document, client_id, clock, length, account_id, account_name, delegation, at)
       VALUES ${rows.join(', ')}`,
      values,
    )
  }

  async listDeletions(documentName: string): Promise<TextDeletion[]> {
    const { rows } = await this.database.query<TextDeletionRow>(
      'SELECT * FROM text_deletions WHERE document = $1 ORDER BY seq',
      [documentName],
    )
    return rows.map(toTextDeletion)
  }

  async list(documentName: string): Promise<ClientAuthor[]> {
    const { rows } = await this.database.query<ClientAuthorRow>(
      'SELECT * FROM client_authors WHERE document = $1 ORDER BY client_id',
      [documentName],
    )
    return rows.map(toClientAuthor)
  }
}
