import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { AuthorshipStore, ClientAuthor, TextDeletion } from './AuthorshipStore.ts'
import {
  type ClientAuthorRow,
  type TextDeletionRow,
  toClientAuthor,
  toTextDeletion,
} from './clientAuthorRow.ts'

/** Client authors in SQLite (table `client_authors`). */
export class SqliteAuthorshipStore implements AuthorshipStore {
  constructor(private readonly database: SqliteDatabase) {}

  async record(documentName: string, authors: readonly ClientAuthor[]): Promise<ClientAuthor[]> {
    const insert = this.database.prepare(
      `INSERT INTO client_authors (document, client_id, account_id, account_name, delegation, first_seen)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    const select = this.database.prepare('SELECT * FROM client_authors WHERE document = ? AND client_id = ?')
    return this.database.transaction(() =>
      authors.map((author) => {
        insert.run(
          documentName,
          author.clientId,
          author.accountId,
          author.name,
          author.delegation,
          author.firstSeen,
        )
        return toClientAuthor(select.get(documentName, author.clientId) as ClientAuthorRow)
      }),
    )()
  }

  async recordDeletions(documentName: string, deletions: readonly TextDeletion[]): Promise<void> {
    const insert = this.database.prepare(
      `INSERT INTO text_deletions (document, client_id, clock, length, account_id, account_name, delegation, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.database.transaction(() => {
      for (const deletion of deletions)
        insert.run(
          documentName,
          deletion.client,
          deletion.clock,
          deletion.length,
          deletion.accountId,
          deletion.name,
          deletion.delegation,
          deletion.at,
        )
    })()
  }

  async listDeletions(documentName: string): Promise<TextDeletion[]> {
    const rows = this.database
      .prepare('SELECT * FROM text_deletions WHERE document = ? ORDER BY seq')
      .all(documentName) as TextDeletionRow[]
    return rows.map(toTextDeletion)
  }

  async list(documentName: string): Promise<ClientAuthor[]> {
    const rows = this.database
      .prepare('SELECT * FROM client_authors WHERE document = ? ORDER BY client_id')
      .all(documentName) as ClientAuthorRow[]
    return rows.map(toClientAuthor)
  }
}
