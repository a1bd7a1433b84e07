import type { DocumentStore, StoredDocument } from '../../server/persistence/DocumentStore.ts'

/**
 * Wraps a real store so a test can hold its appends back: SQLite commits in the same tick, so only a held
 * write shows what the server does before a write is durable (nothing may be relayed or acknowledged).
 */
export class HoldableDocumentStore implements DocumentStore {
  private gate: Promise<void> | null = null
  private openGate: () => void = () => {}
  /** Appends that reached the store and are waiting for `release`. */
  waitingAppends = 0

  constructor(private readonly inner: DocumentStore) {}

  /** From now on, appends wait until `release` (appends already past the gate are not affected). */
  hold(): void {
    if (this.gate) return
    this.gate = new Promise((resolve) => {
      this.openGate = resolve
    })
  }

  /** Lets every waiting append through, in the order they arrived, and stops holding. */
  release(): void {
    this.gate = null
    this.openGate()
  }

  async append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    const gate = this.gate
    if (gate) {
      this.waitingAppends++
      try {
        await gate
      } finally {
        this.waitingAppends--
      }
    }
    return this.inner.append(documentName, updates)
  }

  load(documentName: string): Promise<StoredDocument> {
    return this.inner.load(documentName)
  }

  compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    return this.inner.compact(documentName, state, throughSeq)
  }

  delete(documentName: string): Promise<void> {
    return this.inner.delete(documentName)
  }

  list(): Promise<string[]> {
    return this.inner.list()
  }

  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}
