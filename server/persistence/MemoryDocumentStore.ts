import type { DocumentStore, StoredDocument } from './DocumentStore.ts'

interface Entry {
  seq: number
  update: Uint8Array
}

/** In-process store for unit tests; copies every buffer so callers cannot mutate stored data. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, Entry[]>()
  private nextSeq = 1

  async load(documentName: string): Promise<StoredDocument> {
    const entries = this.documents.get(documentName) ?? []
    return {
      updates: entries.map((entry) => entry.update.slice()),
      lastSeq: entries.at(-1)?.seq ?? 0,
    }
  }

  async readSince(documentName: string, afterSeq: number): Promise<StoredDocument> {
    const entries = (this.documents.get(documentName) ?? []).filter((entry) => entry.seq > afterSeq)
    return {
      updates: entries.map((entry) => entry.update.slice()),
      lastSeq: entries.at(-1)?.seq ?? afterSeq,
    }
  }

  async append(documentName: string, updates: readonly Uint8Array[]): Promise<number> {
    // Copy everything before changing anything: a failed copy must leave the log as it was (atomic append).
    const copies = updates.map((update) => update.slice())
    const entries = this.documents.get(documentName) ?? []
    for (const update of copies) entries.push({ seq: this.nextSeq++, update })
    this.documents.set(documentName, entries)
    return entries.at(-1)?.seq ?? 0
  }

  async compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    const entries = this.documents.get(documentName) ?? []
    const kept = entries.filter((entry) => entry.seq > throughSeq)
    this.documents.set(documentName, [{ seq: throughSeq, update: state.slice() }, ...kept])
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
