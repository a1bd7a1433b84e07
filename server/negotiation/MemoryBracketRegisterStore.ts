import type { BracketRecord } from '../../shared/negotiation/index.ts'
import type { BracketRegisterStore } from './BracketRegisterStore.ts'

/** The bracket register in process memory, for tests. Records are copied in and out, like a database. */
export class MemoryBracketRegisterStore implements BracketRegisterStore {
  /** Map order is insertion order, and replacing a key keeps its place: the order `list` promises. */
  private readonly records = new Map<string, BracketRecord>()

  async list(documentName: string): Promise<BracketRecord[]> {
    return [...this.records.values()]
      .filter((record) => record.documentName === documentName)
      .map((record) => structuredClone(record))
  }

  async find(documentName: string, bracketId: string): Promise<BracketRecord | null> {
    const record = this.records.get(key(documentName, bracketId))
    return record ? structuredClone(record) : null
  }

  async save(records: readonly BracketRecord[]): Promise<void> {
    for (const record of records)
      this.records.set(key(record.documentName, record.id), structuredClone(record))
  }
}

function key(documentName: string, bracketId: string): string {
  return JSON.stringify([documentName, bracketId])
}
