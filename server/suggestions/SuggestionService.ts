import type { Delegation } from '../../shared/roles/index.ts'
import {
  canSetSuggestionPolicy,
  type DecisionOutcome,
  mayDecideSuggestion,
  type SuggestionDecision,
  type SuggestionPolicy,
} from '../../shared/suggestions/index.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { type DocumentActor, recordDocumentAction } from '../auth/DocumentActor.ts'
import type { DocumentCatalog } from '../documents/DocumentCatalog.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import { KeyedQueue } from '../sync/KeyedQueue.ts'
import type { ClauseProtection } from '../sync/validation/ClauseProtection.ts'
import type { AuthorshipStore } from './AuthorshipStore.ts'
import { applySuggestionDecisions, type OpenSuggestion, readSuggestions } from './readSuggestions.ts'
import type { SuggestionDecisionStore } from './SuggestionDecisionStore.ts'

/** Which suggestions a decision is about: by id, by the delegation that made them, by article; filters combine. */
export interface SuggestionSelection {
  ids?: readonly string[]
  delegation?: Delegation
  clauseId?: string
}

export interface DecisionResult {
  decided: SuggestionDecision[]
  /** Chosen suggestions this caller may not decide (their own delegation's, or a two-key clause's). */
  notAllowed: string[]
}

/**
 * Accepting and rejecting suggestions are server operations: the server checks who may decide (the other
 * delegation; in an agreed clause, its co-chair), records the decision (one per suggestion, the store's key
 * settles a race, also between instances), then changes the canonical document itself. Decisions on one
 * document run one after another here, so a concurrent accept and reject end with exactly one of them, and
 * the text follows the recorded one (a decision recorded by another instance, or before a crash, is carried
 * out again if its suggestion is still in the text).
 */
export class SuggestionService {
  private readonly queue = new KeyedQueue()

  constructor(
    private readonly documents: DocumentAccess,
    private readonly decisions: SuggestionDecisionStore,
    private readonly protection: ClauseProtection,
    private readonly catalog: DocumentCatalog,
    private readonly audit: AuditLog,
    private readonly onPolicyChanged: () => void = () => {},
    private readonly authorship: AuthorshipStore | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The suggestions in the text now. */
  open(documentName: string): Promise<OpenSuggestion[]> {
    return this.documents.read(documentName, readSuggestions)
  }

  history(documentName: string): Promise<SuggestionDecision[]> {
    return this.decisions.list(documentName)
  }

  async decide(
    documentName: string,
    actor: DocumentActor,
    selection: SuggestionSelection,
    outcome: DecisionOutcome,
  ): Promise<DecisionResult> {
    const delegation = actor.account.delegation
    if (delegation === null) throw httpErrors.forbidden('Only members of a delegation decide on suggestions')
    const result = await this.queue.run(documentName, async () => {
      const open = await this.open(documentName)
      const chosen = open.filter((suggestion) => matches(suggestion, selection))
      if (selection.ids && chosen.length === 0) {
        const earlier = await this.decisions.find(documentName, selection.ids[0] ?? '')
        if (earlier && selection.ids.length === 1)
          throw httpErrors.conflict(`This suggestion was already ${earlier.decision}`)
        throw httpErrors.notFound('No such suggestion in the text')
      }
      const protectedClauses = (await this.protection.current(documentName)).clauses
      const decided: SuggestionDecision[] = []
      const notAllowed: string[] = []
      const carryOut = new Map<string, DecisionOutcome>()
      const decidedAt = this.now().toISOString()
      for (const suggestion of chosen) {
        const twoKeys = suggestion.clauseId !== null && suggestion.clauseId in protectedClauses
        if (!mayDecideSuggestion(actor.role, delegation, suggestion.author.delegation, twoKeys)) {
          notAllowed.push(suggestion.id)
          continue
        }
        const decision: SuggestionDecision = {
          documentName,
          suggestionId: suggestion.id,
          kind: suggestion.kind,
          decision: outcome,
          author: suggestion.author,
          suggestedAt: suggestion.at,
          insertedText: suggestion.insertedText,
          deletedText: suggestion.deletedText,
          decidedBy: { accountId: actor.account.id, name: actor.account.name, delegation },
          decidedAt,
        }
        if (await this.decisions.record(decision)) {
          decided.push(decision)
          carryOut.set(suggestion.id, outcome)
        } else {
          // Decided elsewhere first (another instance, or before a crash): that decision is the one carried out.
          const earlier = await this.decisions.find(documentName, suggestion.id)
          if (earlier) carryOut.set(suggestion.id, earlier.decision)
        }
      }
      if (carryOut.size > 0)
        await this.documents.change(documentName, (ydoc) => {
          applySuggestionDecisions(ydoc, carryOut)
        })
      if (selection.ids?.length === 1 && decided.length === 0 && notAllowed.length === 0)
        throw httpErrors.conflict('This suggestion was already decided')
      if (chosen.length > 0 && notAllowed.length === chosen.length)
        throw httpErrors.forbidden(
          'Suggestions are decided by the other delegation (in an agreed article, by its co-chair)',
        )
      return { decided, notAllowed }
    })
    for (const decision of result.decided) {
      await recordDocumentAction(this.audit, actor, `suggestion.${decision.decision}`, documentName, {
        suggestionId: decision.suggestionId,
        author: decision.author.accountId,
        authorDelegation: decision.author.delegation,
      })
    }
    return result
  }

  /** Who wrote with each Yjs client id of the document (for the "Show authors" view). */
  async authors(
    documentName: string,
  ): Promise<{ clientId: number; name: string; delegation: Delegation | null }[]> {
    if (!this.authorship) return []
    return (await this.authorship.list(documentName)).map(({ clientId, name, delegation }) => ({
      clientId,
      name,
      delegation,
    }))
  }

  policy(documentName: string): Promise<SuggestionPolicy> {
    return this.catalog.suggestionPolicyOf(documentName)
  }

  async setPolicy(
    documentName: string,
    actor: DocumentActor,
    policy: SuggestionPolicy,
  ): Promise<SuggestionPolicy> {
    if (!canSetSuggestionPolicy(actor.role))
      throw httpErrors.forbidden('Only co-chairs change these settings')
    await this.catalog.setSuggestionPolicy(documentName, policy)
    await recordDocumentAction(this.audit, actor, 'suggestion.policy', documentName, { ...policy })
    // Open connections change how they may write: re-check them now rather than at the next periodic check.
    this.onPolicyChanged()
    return this.catalog.suggestionPolicyOf(documentName)
  }
}

function matches(suggestion: OpenSuggestion, selection: SuggestionSelection): boolean {
  if (selection.ids && !selection.ids.includes(suggestion.id)) return false
  if (selection.delegation && suggestion.author.delegation !== selection.delegation) return false
  if (selection.clauseId && suggestion.clauseId !== selection.clauseId) return false
  return true
}
