import type { DocumentStore, StoredDocument, StoredUpdate } from '../DocumentStore.ts'
import { mergeCompaction } from '../mergeCompaction.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'
import { runInTransaction } from './runInTransaction.ts'

interface UpdateRow {
  seq: string
  data: Buffer
}

/** First key of the two-part advisory locks that let one instance at a time compact a document. */
const compactionLockClass = 0x43_44_63_70 // "CDcp"

function toEntry(row: UpdateRow): StoredUpdate {
  return {
    seq: Number(row.seq),
    update: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength),
  }
}

function toBuffer(update: Uint8Array): Buffer {
  return Buffer.from(update.buffer, update.byteOffset, update.byteLength)
}

/**
 * Update log in PostgreSQL (tables `document_heads`, `document_updates`). An append takes the document's next
 * sequence numbers by upserting its head row, whose row lock serialises the appends of every instance to that
 * document until commit: numbers are gap-free and a reader never sees n+1 committed before n. Every method
 * resolves after COMMIT, so nothing is acknowledged or broadcast before it is durable.
 */
export class PostgresDocumentStore implements DocumentStore {
  /** This instance's appends to one document run one after another, so their numbers follow call order. */
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly database: PostgresDatabase) {}

  async load(documentName: string): Promise<StoredDocument> {
    const entries = await this.readSince(documentName, 0)
    return { updates: entries.map((entry) => entry.update), lastSeq: entries.at(-1)?.seq ?? 0 }
  }

  async readSince(documentName: string, afterSeq: number): Promise<StoredUpdate[]> {
    const { rows } = await this.database.query<UpdateRow>(
      'SELECT seq, data FROM document_updates WHERE document_name = $1 AND seq > $2 ORDER BY seq',
      [documentName, afterSeq],
    )
    return rows.map(toEntry)
  }

  append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) return Promise.resolve(0)
    const buffers = updates.map(toBuffer)
    // One statement, so one round trip and its own transaction: the head upsert takes the numbers (and the
    // row lock), the insert stores the updates under them; both commit together or not at all.
    return this.inOrder(documentName, async () => {
      const { rows } = await this.database.query<{ seq: string }>(
        `WITH head AS (
           INSERT INTO document_heads (document_name, last_seq) VALUES ($1, $2)
           ON CONFLICT (document_name) DO UPDATE SET last_seq = document_heads.last_seq + excluded.last_seq
           RETURNING last_seq
         )
         INSERT INTO document_updates (document_name, seq, data)
         SELECT $1, head.last_seq - $2 + u.position, u.data
         FROM head, unnest($3::bytea[]) WITH ORDINALITY AS u (data, position)
         RETURNING seq`,
        [documentName, buffers.length, buffers],
      )
      return Math.max(...rows.map((row) => Number(row.seq)))
    })
  }

  async seed(documentName: string, update: Uint8Array): Promise<StoredDocument> {
    await this.inOrder(documentName, () =>
      runInTransaction(this.database, async (client) => {
        // A concurrent seeder's INSERT waits here for the winner's commit, then inserts nothing.
        const { rowCount } = await client.query(
          `INSERT INTO document_heads (document_name, last_seq) VALUES ($1, 1)
           ON CONFLICT (document_name) DO NOTHING`,
          [documentName],
        )
        if (rowCount === 1) {
          await client.query('INSERT INTO document_updates (document_name, seq, data) VALUES ($1, 1, $2)', [
            documentName,
            toBuffer(update),
          ])
        }
      }),
    )
    return this.load(documentName)
  }

  async compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await runInTransaction(this.database, async (client) => {
      // One compaction per document at a time, across instances: a second one must read what the first wrote.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        compactionLockClass,
        documentName,
      ])
      const { rows } = await client.query<UpdateRow>(
        'SELECT seq, data FROM document_updates WHERE document_name = $1 AND seq <= $2 ORDER BY seq',
        [documentName, throughSeq],
      )
      const replaced = rows.map(toEntry)
      const through = replaced.at(-1)?.seq
      if (through === undefined) return
      const merged = mergeCompaction(
        state,
        replaced.map((entry) => entry.update),
      )
      await client.query('DELETE FROM document_updates WHERE document_name = $1 AND seq <= $2', [
        documentName,
        through,
      ])
      await client.query('INSERT INTO document_updates (document_name, seq, data) VALUES ($1, $2, $3)', [
        documentName,
        through,
        toBuffer(merged),
      ])
    })
  }

  async delete(documentName: string): Promise<void> {
    await this.database.query('DELETE FROM document_heads WHERE document_name = $1', [documentName])
  }

  async list(): Promise<string[]> {
    const { rows } = await this.database.query<{ document_name: string }>(
      'SELECT document_name FROM document_heads ORDER BY document_name COLLATE "C"',
    )
    return rows.map((row) => row.document_name)
  }

  async destroy(): Promise<void> {
    await Promise.allSettled(this.queues.values())
    // The pool is owned by the composition root, which ends it after every store is done.
  }

  private inOrder<T>(documentName: string, run: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(documentName) ?? Promise.resolve()
    const next = previous.then(run, run)
    const settled = next.then(
      () => undefined,
      () => undefined,
    )
    this.queues.set(documentName, settled)
    void settled.then(() => {
      if (this.queues.get(documentName) === settled) this.queues.delete(documentName)
    })
    return next
  }
}
