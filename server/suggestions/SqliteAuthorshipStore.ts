import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import { SqliteGroupCommit } from '../persistence/SqliteGroupCommit.ts'
import type { AuthorshipStore, ClientAuthor, TextDeletion } from './AuthorshipStore.ts'
import {
  type ClientAuthorRow,
  type TextDeletionRow,
  toClientAuthor,
  toTextDeletion,
} from './clientAuthorRow.ts'

/**
 * Client authors in SQLite (tables `client_authors`, `text_deletions`). Writes go through the database's group
 * commit: a deletion's record shares the transaction, and the fsync, of the update's append in the same turn.
 */
export class SqliteAuthorshipStore implements AuthorshipStore {
  readonly exclusive = true
  private readonly group: SqliteGroupCommit
  private insertDeletion: Statement | undefined

  constructor(private readonly database: SqliteDatabase) {
    this.group = SqliteGroupCommit.of(database)
  }

  async record(documentName: string, authors: readonly ClientAuthor[]): Promise<ClientAuthor[]> {
    const insert = this.database.prepare(
      `INSERT INTO client_authors (document, client_id, account_id, account_name, delegation, first_seen)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    const select = this.database.prepare('SELECT * FROM client_authors WHERE document = ? AND client_id = ?')
    return this.group.run(() =>
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
    )
  }

  async recordDeletions(documentName: string, deletions: readonly TextDeletion[]): Promise<void> {
    // Prepared once: every update that deletes text records here, on the hot path.
    this.insertDeletion ??= this.database.prepare(
      `INSERT INTO text_deletions (document, client_id, clock, length, account_id, account_name, delegation, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insert = this.insertDeletion
    return this.group.run(() => {
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
    })
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
