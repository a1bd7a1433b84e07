import type { DocumentStore, StoredDocument, StoredUpdate } from '../persistence/DocumentStore.ts'
import type { Metrics } from './Metrics.ts'

/** Wraps any DocumentStore to record the latency of each operation. */
export class InstrumentedDocumentStore implements DocumentStore {
  constructor(
    private readonly inner: DocumentStore,
    private readonly metrics: Metrics,
  ) {}

  private async timed<T>(operation: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await run()
    } finally {
      this.metrics.observe(
        'charterdesk_store_seconds',
        'Latency of document store operations',
        (performance.now() - started) / 1000,
        { operation },
      )
    }
  }

  load(documentName: string): Promise<StoredDocument> {
    return this.timed('load', () => this.inner.load(documentName))
  }

  readSince(documentName: string, afterSeq: number): Promise<StoredUpdate[]> {
    return this.timed('read_since', () => this.inner.readSince(documentName, afterSeq))
  }

  seed(documentName: string, update: Uint8Array): Promise<StoredDocument> {
    return this.timed('seed', () => this.inner.seed(documentName, update))
  }

  append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    let bytes = 0
    for (const update of updates) bytes += update.byteLength
    this.metrics.increment(
      'charterdesk_stored_update_bytes_total',
      'Bytes of updates appended to the store',
      {},
      bytes,
    )
    return this.timed('append', () => this.inner.append(documentName, updates))
  }

  compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    return this.timed('compact', () => this.inner.compact(documentName, state, throughSeq))
  }

  delete(documentName: string): Promise<void> {
    return this.timed('delete', () => this.inner.delete(documentName))
  }

  list(): Promise<string[]> {
    return this.inner.list()
  }

  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}
