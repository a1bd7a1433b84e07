import { defaultSuggestionPolicy, type SuggestionPolicy } from '../../shared/suggestions/index.ts'
import type { AccessRule, DocumentCatalog, DocumentRecord } from './DocumentCatalog.ts'

/** In-process catalog for tests; returns copies so callers cannot change what is stored. */
export class MemoryDocumentCatalog implements DocumentCatalog {
  private readonly documents = new Map<string, DocumentRecord>()
  private readonly deadlines = new Map<string, string>()
  private readonly policies = new Map<string, SuggestionPolicy>()

  async list(): Promise<DocumentRecord[]> {
    return [...this.documents.values()]
      .sort((a, b) => a.position - b.position || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
      .map((record) => structuredClone(record))
  }

  async find(name: string): Promise<DocumentRecord | null> {
    const record = this.documents.get(name)
    return record ? structuredClone(record) : null
  }

  async ensure(record: Omit<DocumentRecord, 'createdAt'>): Promise<DocumentRecord> {
    const existing = this.documents.get(record.name)
    if (existing) return structuredClone(existing)
    const created: DocumentRecord = { ...structuredClone(record), createdAt: new Date().toISOString() }
    this.documents.set(record.name, created)
    return structuredClone(created)
  }

  async deadlineOf(name: string): Promise<string | null> {
    return this.deadlines.get(name) ?? null
  }

  async setDeadline(name: string, deadline: string | null): Promise<void> {
    if (!(await this.find(name))) return
    if (deadline === null) this.deadlines.delete(name)
    else this.deadlines.set(name, deadline)
  }

  async suggestionPolicyOf(name: string): Promise<SuggestionPolicy> {
    return { ...(this.policies.get(name) ?? defaultSuggestionPolicy) }
  }

  async setSuggestionPolicy(name: string, policy: SuggestionPolicy): Promise<void> {
    if (this.documents.has(name)) this.policies.set(name, { ...policy })
  }

  async setAccess(name: string, access: AccessRule[]): Promise<void> {
    const record = this.documents.get(name)
    if (record) record.access = structuredClone(access)
  }
}
