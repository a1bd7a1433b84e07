import type { DocumentStore, StoredDocument, StoredUpdate } from './DocumentStore.ts'
import { mergeCompaction } from './mergeCompaction.ts'

interface Log {
  entries: StoredUpdate[]
  /** Last sequence number handed out; the last entry always carries it (compaction keeps it). */
  lastSeq: number
}

/** In-process store for unit tests; copies every buffer so callers cannot mutate stored data. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, Log>()

  async load(documentName: string): Promise<StoredDocument> {
    const log = this.documents.get(documentName)
    return {
      updates: log?.entries.map((entry) => entry.update.slice()) ?? [],
      lastSeq: log?.lastSeq ?? 0,
    }
  }

  async readSince(documentName: string, afterSeq: number): Promise<StoredUpdate[]> {
    const entries = this.documents.get(documentName)?.entries ?? []
    return entries
      .filter((entry) => entry.seq > afterSeq)
      .map((entry) => ({ seq: entry.seq, update: entry.update.slice() }))
  }

  async append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    // Copy everything before changing anything: a failed copy must leave the log as it was (atomic append).
    const copies = updates.map((update) => update.slice())
    if (copies.length === 0) return 0
    const log = this.documents.get(documentName) ?? { entries: [], lastSeq: 0 }
    for (const update of copies) log.entries.push({ seq: ++log.lastSeq, update })
    this.documents.set(documentName, log)
    return log.lastSeq
  }

  async seed(documentName: string, update: Uint8Array): Promise<StoredDocument> {
    if (!this.documents.has(documentName)) await this.append(documentName, [update])
    return this.load(documentName)
  }

  async compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    const log = this.documents.get(documentName)
    if (!log) return
    const through = Math.min(throughSeq, log.lastSeq)
    const replaced = log.entries.filter((entry) => entry.seq <= through)
    if (replaced.length === 0) return
    const merged = mergeCompaction(
      state,
      replaced.map((entry) => entry.update),
    ).slice()
    const kept = log.entries.filter((entry) => entry.seq > through)
    log.entries = [{ seq: through, update: merged }, ...kept]
  }

  async delete(documentName: string): Promise<void> {
    this.documents.delete(documentName)
  }

  async list(): Promise<string[]> {
    return [...this.documents.keys()].sort()
  }

  async destroy(): Promise<void> {
    this.documents.clear()
  }
}
