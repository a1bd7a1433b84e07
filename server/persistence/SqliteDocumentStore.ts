import type { DocumentStore, StoredDocument, StoredUpdate } from './DocumentStore.ts'
import { mergeCompaction } from './mergeCompaction.ts'
import type { SqliteDatabase } from './openSqliteDatabase.ts'
import { SqliteGroupCommit } from './SqliteGroupCommit.ts'

interface UpdateRow {
  seq: number
  data: Buffer
}

function toBytes(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * Update log in SQLite (table `document_updates`, per-document sequence numbers since migration 0003).
 * better-sqlite3 is synchronous, so when a method's promise resolves the transaction is committed; nothing is
 * acknowledged before that.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly statements

  constructor(private readonly database: SqliteDatabase) {
    this.statements = {
      readSince: database.prepare<[string, number], UpdateRow>(
        'SELECT seq, data FROM document_updates WHERE document_name = ? AND seq > ? ORDER BY seq',
      ),
      lastSeq: database
        .prepare<[string], number>(
          'SELECT coalesce(max(seq), 0) FROM document_updates WHERE document_name = ?',
        )
        .pluck(),
      insertAt: database.prepare<[string, number, Uint8Array]>(
        'INSERT INTO document_updates (document_name, seq, data) VALUES (?, ?, ?)',
      ),
      readThrough: database.prepare<[string, number], UpdateRow>(
        'SELECT seq, data FROM document_updates WHERE document_name = ? AND seq <= ? ORDER BY seq',
      ),
      deleteThrough: database.prepare<[string, number]>(
        'DELETE FROM document_updates WHERE document_name = ? AND seq <= ?',
      ),
      delete: database.prepare<[string]>('DELETE FROM document_updates WHERE document_name = ?'),
      list: database.prepare<[], { document_name: string }>(
        'SELECT DISTINCT document_name FROM document_updates ORDER BY document_name',
      ),
    }
  }

  private readonly appendAll = (documentName: string, updates: readonly Uint8Array[]): number => {
    let seq = this.statements.lastSeq.get(documentName) as number
    for (const update of updates) this.statements.insertAt.run(documentName, ++seq, update)
    return seq
  }

  async load(documentName: string): Promise<StoredDocument> {
    const rows = this.statements.readSince.all(documentName, 0)
    return { updates: rows.map((row) => toBytes(row.data)), lastSeq: rows.at(-1)?.seq ?? 0 }
  }

  async readSince(documentName: string, afterSeq: number): Promise<StoredUpdate[]> {
    return this.statements.readSince
      .all(documentName, afterSeq)
      .map((row) => ({ seq: row.seq, update: toBytes(row.data) }))
  }

  async append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) return 0
    // Shares the turn's transaction (and fsync) with every other room's appends: see SqliteGroupCommit.
    return SqliteGroupCommit.of(this.database).run(() => this.appendAll(documentName, updates))
  }

  async seed(documentName: string, update: Uint8Array): Promise<StoredDocument> {
    // In the group commit: many new documents opening at once share fsyncs (the check and the insert still run
    // together, in the write's own savepoint).
    await SqliteGroupCommit.of(this.database).run(() => {
      if (this.statements.lastSeq.get(documentName) === 0) this.appendAll(documentName, [update])
    })
    return this.load(documentName)
  }

  async compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    // In the group commit: when hundreds of documents close at once, their compactions share fsyncs.
    return SqliteGroupCommit.of(this.database).run(() => {
      const replaced = this.statements.readThrough.all(documentName, throughSeq)
      const through = replaced.at(-1)?.seq
      if (through === undefined) return
      const merged = mergeCompaction(
        state,
        replaced.map((row) => toBytes(row.data)),
      )
      this.statements.deleteThrough.run(documentName, through)
      this.statements.insertAt.run(documentName, through, merged)
    })
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
