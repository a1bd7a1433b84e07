import type { DocumentStore, StoredDocument } from './DocumentStore.ts'
import type { SqliteDatabase } from './openSqliteDatabase.ts'
import { SqliteGroupCommit } from './SqliteGroupCommit.ts'

interface UpdateRow {
  seq: number
  data: Buffer
}

/**
 * Update log in SQLite (table `document_updates`). better-sqlite3 is synchronous, so when a method's promise
 * resolves the transaction is committed; nothing is acknowledged before that.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly statements

  constructor(private readonly database: SqliteDatabase) {
    this.statements = {
      load: database.prepare<[string], UpdateRow>(
        'SELECT seq, data FROM document_updates WHERE document_name = ? ORDER BY seq',
      ),
      append: database.prepare<[string, Uint8Array]>(
        'INSERT INTO document_updates (document_name, data) VALUES (?, ?)',
      ),
      deleteThrough: database.prepare<[string, number]>(
        'DELETE FROM document_updates WHERE document_name = ? AND seq <= ?',
      ),
      insertAt: database.prepare<[number, string, Uint8Array]>(
        'INSERT INTO document_updates (seq, document_name, data) VALUES (?, ?, ?)',
      ),
      delete: database.prepare<[string]>('DELETE FROM document_updates WHERE document_name = ?'),
      list: database.prepare<[], { document_name: string }>(
        'SELECT DISTINCT document_name FROM document_updates ORDER BY document_name',
      ),
    }
  }

  private readonly appendAll = (documentName: string, updates: readonly Uint8Array[]): number => {
    let lastSeq = 0
    for (const update of updates) {
      lastSeq = Number(this.statements.append.run(documentName, update).lastInsertRowid)
    }
    return lastSeq
  }

  async load(documentName: string): Promise<StoredDocument> {
    const rows = this.statements.load.all(documentName)
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: rows.at(-1)?.seq ?? 0,
    }
  }

  async append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) return 0
    // Shares the turn's transaction (and fsync) with every other room's appends: see SqliteGroupCommit.
    return SqliteGroupCommit.of(this.database).run(() => this.appendAll(documentName, updates))
  }

  async compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.database.transaction(() => {
      this.statements.deleteThrough.run(documentName, throughSeq)
      this.statements.insertAt.run(throughSeq, documentName, state)
    })()
  }

  async delete(documentName: string): Promise<void> {
    this.statements.delete.run(documentName)
  }

  async list(): Promise<string[]> {
    return this.statements.list.all().map((row) => row.document_name)
  }

  async destroy(): Promise<void> {
    // The database is owned by the composition root, which closes it after every store is done.
  }
}
