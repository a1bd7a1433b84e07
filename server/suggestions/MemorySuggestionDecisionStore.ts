import type { SuggestionDecision } from '../../shared/suggestions/index.ts'
import type { SuggestionDecisionStore } from './SuggestionDecisionStore.ts'

/** Decisions in process memory, for tests; returns copies. */
export class MemorySuggestionDecisionStore implements SuggestionDecisionStore {
  private readonly decisions: SuggestionDecision[] = []

  async record(decision: SuggestionDecision): Promise<boolean> {
    if (this.decisions.some((known) => sameKey(known, decision))) return false
    this.decisions.push(structuredClone(decision))
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
}

function sameKey(a: Pick<SuggestionDecision, 'documentName' | 'suggestionId'>, b: typeof a): boolean {
  return a.documentName === b.documentName && a.suggestionId === b.suggestionId
}
