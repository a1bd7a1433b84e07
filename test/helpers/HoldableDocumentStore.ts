import type { DocumentStore, StoredDocument, StoredUpdate } from '../../server/persistence/DocumentStore.ts'

/**
 * Wraps a real store so a test can hold its appends back: SQLite commits in the same tick, so only a held
 * write shows what the server does before a write is durable (nothing may be relayed or acknowledged).
 */
export class HoldableDocumentStore implements DocumentStore {
  private gate: Promise<void> | null = null
  private openGate: () => void = () => {}
  /** Appends that reached the store and are waiting for `release`. */
  waitingAppends = 0
  private loadGate: Promise<void> | null = null
  private openLoadGate: () => void = () => {}
  /** Loads that reached the store and are waiting for `releaseLoads`. */
  waitingLoads = 0

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

  /** From now on, loads wait until `releaseLoads`: a document that stays "not ready" as long as a test needs. */
  holdLoads(): void {
    if (this.loadGate) return
    this.loadGate = new Promise((resolve) => {
      this.openLoadGate = resolve
    })
  }

  releaseLoads(): void {
    this.loadGate = null
    this.openLoadGate()
  }

  async append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    await this.passWriteGate()
    return this.inner.append(documentName, updates)
  }

  /** Seeding a new document is a write too: it waits at the same gate as appends. */
  async seed(documentName: string, update: Uint8Array): Promise<StoredDocument> {
    await this.passWriteGate()
    return this.inner.seed(documentName, update)
  }

  readSince(documentName: string, afterSeq: number): Promise<StoredUpdate[]> {
    return this.inner.readSince(documentName, afterSeq)
  }

  private async passWriteGate(): Promise<void> {
    const gate = this.gate
    if (gate) {
      this.waitingAppends++
      try {
        await gate
      } finally {
        this.waitingAppends--
      }
    }
  }

  async load(documentName: string): Promise<StoredDocument> {
    const gate = this.loadGate
    if (gate) {
      this.waitingLoads++
      try {
        await gate
      } finally {
        this.waitingLoads--
      }
    }
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
