import { type ClauseStatus, clauseStateOf, isProtectedStatus } from '../../shared/negotiation/clauseStatus.ts'
import type { ClauseProtection, ProtectedClauseSet } from '../sync/validation/ClauseProtection.ts'
import type { ClauseEventStore } from './ClauseEventStore.ts'

interface Cached {
  set: ProtectedClauseSet
  loadedAt: number
}

function sameClauses(a: Record<string, ClauseStatus>, b: Record<string, ClauseStatus>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/**
 * The protected clauses of each document, from the clause event history. Cached, and re-read from the store
 * when older than `maxAgeMs`: a status changed by another instance reaches this one's validation within that
 * time; a change made here applies at once (`refresh`).
 */
export class ProtectedClauses implements ClauseProtection {
  private readonly cache = new Map<string, Cached>()
  private readonly loading = new Map<string, Promise<ProtectedClauseSet>>()
  private nextVersion = 1

  constructor(
    private readonly events: ClauseEventStore,
    private readonly maxAgeMs = 2000,
  ) {}

  current(documentName: string): Promise<ProtectedClauseSet> {
    const cached = this.cache.get(documentName)
    if (cached && Date.now() - cached.loadedAt < this.maxAgeMs) return Promise.resolve(cached.set)
    return this.refresh(documentName)
  }

  /** Reads the document's history again; concurrent callers share one read. */
  refresh(documentName: string): Promise<ProtectedClauseSet> {
    const inFlight = this.loading.get(documentName)
    if (inFlight) return inFlight
    const load = this.load(documentName).finally(() => this.loading.delete(documentName))
    this.loading.set(documentName, load)
    return load
  }

  private async load(documentName: string): Promise<ProtectedClauseSet> {
    const events = await this.events.list(documentName)
    const clauses: Record<string, ClauseStatus> = {}
    for (const clauseId of new Set(events.map((event) => event.clauseId))) {
      const { status } = clauseStateOf(clauseId, events)
      if (isProtectedStatus(status)) clauses[clauseId] = status
    }
    const previous = this.cache.get(documentName)?.set
    const set =
      previous && sameClauses(previous.clauses, clauses) ? previous : { version: this.nextVersion++, clauses }
    this.cache.set(documentName, { set, loadedAt: Date.now() })
    return set
  }
}
