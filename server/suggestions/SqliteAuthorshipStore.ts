import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { AuthorshipStore, ClientAuthor } from './AuthorshipStore.ts'
import { type ClientAuthorRow, toClientAuthor } from './clientAuthorRow.ts'

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
        insert.run(documentName, author.clientId, author.accountId, author.name, author.delegation, author.firstSeen)
        return toClientAuthor(select.get(documentName, author.clientId) as ClientAuthorRow)
      }),
    )()
  }

  async list(documentName: string): Promise<ClientAuthor[]> {
    const rows = this.database
      .prepare('SELECT * FROM client_authors WHERE document = ? ORDER BY client_id')
      .all(documentName) as ClientAuthorRow[]
    return rows.map(toClientAuthor)
  }
}
