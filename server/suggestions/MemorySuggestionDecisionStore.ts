import type { SuggestionDecision, SuggestionRequest } from '../../shared/suggestions/index.ts'
import type { SuggestionDecisionStore } from './SuggestionDecisionStore.ts'

type Key = Pick<SuggestionDecision, 'documentName' | 'suggestionId'>

/** Decisions in process memory, for tests; returns copies. */
export class MemorySuggestionDecisionStore implements SuggestionDecisionStore {
  private readonly decisions: SuggestionDecision[] = []
  private readonly waiting: SuggestionRequest[] = []

  async record(decision: SuggestionDecision): Promise<boolean> {
    if (this.decisions.some((known) => sameKey(known, decision))) return false
    this.decisions.push(structuredClone(decision))
    await this.withdrawRequest(decision.documentName, decision.suggestionId)
    return true
  }

  async find(documentName: string, suggestionId: string): Promise<SuggestionDecision | null> {
    const found = this.decisions.find((known) => sameKey(known, { documentName, suggestionId }))
    return found ? structuredClone(found) : null
  }

  async list(documentName: string): Promise<SuggestionDecision[]> {
    return this.decisions
      .filter((known) => known.documentName === documentName)
      .map((known) => structuredClone(known))
  }

  async request(request: SuggestionRequest): Promise<boolean> {
    if (this.waiting.some((known) => sameKey(known, request))) return false
    this.waiting.push(structuredClone(request))
    return true
  }

  async findRequest(documentName: string, suggestionId: string): Promise<SuggestionRequest | null> {
    const found = this.waiting.find((known) => sameKey(known, { documentName, suggestionId }))
    return found ? structuredClone(found) : null
  }

  async requests(documentName: string): Promise<SuggestionRequest[]> {
    return this.waiting
      .filter((known) => known.documentName === documentName)
      .map((known) => structuredClone(known))
  }

  async withdrawRequest(documentName: string, suggestionId: string): Promise<boolean> {
    const index = this.waiting.findIndex((known) => sameKey(known, { documentName, suggestionId }))
    if (index < 0) return false
    this.waiting.splice(index, 1)
    return true
  }
}

function sameKey(a: Key, b: Key): boolean {
  return a.documentName === b.documentName && a.suggestionId === b.suggestionId
}
