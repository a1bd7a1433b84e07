import type { ClauseEvent, ClauseEventDraft } from '../../shared/negotiation/clauseStatus.ts'
import type { ClauseEventStore } from './ClauseEventStore.ts'
import { chainClauseEvent } from './clauseEventChain.ts'

/** Clause events in process memory, for tests. */
export class MemoryClauseEventStore implements ClauseEventStore {
  private readonly chains = new Map<string, ClauseEvent[]>()

  async append(documentName: string, draft: ClauseEventDraft): Promise<ClauseEvent> {
    const chain = this.chains.get(documentName) ?? []
    const event = chainClauseEvent(documentName, chain.at(-1) ?? null, draft)
    chain.push(event)
    this.chains.set(documentName, chain)
    return { ...event }
  }

  async list(documentName: string): Promise<ClauseEvent[]> {
    return (this.chains.get(documentName) ?? []).map((event) => ({ ...event }))
  }
}
