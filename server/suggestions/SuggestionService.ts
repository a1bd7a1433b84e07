import type { Delegation } from '../../shared/roles/index.ts'
import {
  canSetSuggestionPolicy,
  type DecisionOutcome,
  mayAnswerSuggestionRequest,
  mayDecideSuggestion,
  type SuggestionDecider,
  type SuggestionDecision,
  type SuggestionPolicy,
  type SuggestionRequest,
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
  /** First keys this caller gave where two are required: they wait for the other delegation's co-chair. */
  requested: SuggestionRequest[]
  /** Chosen suggestions this caller may not decide (their own delegation's; under two keys, a drafter). */
  notAllowed: string[]
  /** Chosen suggestions whose first key waits for someone else, or asks for the other outcome. */
  waiting: SuggestionRequest[]
}

/**
 * Accepting and rejecting suggestions are server operations: the server checks who may decide (the other
 * delegation; under the two-key rule, in an agreed article or a two-key document, both co-chairs: the first
 * key is recorded as a request and nothing changes until the other delegation's co-chair confirms it, as for
 * clause status and bracket cleaning), records the decision (one per suggestion, the store's key
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

  /** The first keys waiting for a second, on suggestions still in the text. */
  async requests(documentName: string): Promise<SuggestionRequest[]> {
    const [open, waiting] = await Promise.all([
      this.open(documentName),
      this.decisions.requests(documentName),
    ])
    const openIds = new Set(open.map((suggestion) => suggestion.id))
    return waiting.filter((request) => openIds.has(request.suggestionId))
  }

  async decide(
    documentName: string,
    actor: DocumentActor,
    selection: SuggestionSelection,
    outcome: DecisionOutcome,
  ): Promise<DecisionResult> {
    const delegation = actor.account.delegation
    if (delegation === null) throw httpErrors.forbidden('Only members of a delegation decide on suggestions')
    const decider: SuggestionDecider = { accountId: actor.account.id, name: actor.account.name, delegation }
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
      const documentTwoKeys = (await this.catalog.suggestionPolicyOf(documentName)).twoKeys
      const result: DecisionResult = { decided: [], requested: [], notAllowed: [], waiting: [] }
      const carryOut = new Map<string, DecisionOutcome>()
      const decidedAt = this.now().toISOString()
      for (const suggestion of chosen) {
        const twoKeys =
          documentTwoKeys || (suggestion.clauseId !== null && suggestion.clauseId in protectedClauses)
        if (!mayDecideSuggestion(actor.role, delegation, suggestion.author.delegation, twoKeys)) {
          result.notAllowed.push(suggestion.id)
          continue
        }
        let firstKey: SuggestionRequest | null = null
        if (twoKeys) {
          const request: SuggestionRequest = {
            documentName,
            suggestionId: suggestion.id,
            decision: outcome,
            requestedBy: decider,
            requestedAt: decidedAt,
          }
          const waiting =
            (await this.decisions.findRequest(documentName, suggestion.id)) ??
            ((await this.decisions.request(request))
              ? null
              : // Another instance stored a first key meanwhile: this call answers it.
                await this.decisions.findRequest(documentName, suggestion.id))
          if (waiting === null) {
            result.requested.push(request)
            continue
          }
          if (!mayAnswerSuggestionRequest(actor.role, delegation, waiting) || waiting.decision !== outcome) {
            result.waiting.push(waiting)
            continue
          }
          firstKey = waiting
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
          decidedBy: decider,
          decidedAt,
          requestedBy: firstKey?.requestedBy ?? null,
          requestedAt: firstKey?.requestedAt ?? null,
        }
        if (await this.decisions.record(decision)) {
          result.decided.push(decision)
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
      const taken = result.decided.length + result.requested.length
      if (selection.ids?.length === 1 && taken === 0) {
        const waiting = result.waiting[0]
        if (waiting) throw httpErrors.conflict(waitingMessage(waiting, delegation))
        if (result.notAllowed.length === 0) throw httpErrors.conflict('This suggestion was already decided')
      }
      if (chosen.length > 0 && result.notAllowed.length === chosen.length)
        throw httpErrors.forbidden(
          'Suggestions are decided by the other delegation (under two keys, by both co-chairs)',
        )
      return result
    })
    for (const request of result.requested) {
      await recordDocumentAction(this.audit, actor, 'suggestion.requested', documentName, {
        suggestionId: request.suggestionId,
        decision: request.decision,
      })
    }
    for (const decision of result.decided) {
      await recordDocumentAction(this.audit, actor, `suggestion.${decision.decision}`, documentName, {
        suggestionId: decision.suggestionId,
        author: decision.author.accountId,
        authorDelegation: decision.author.delegation,
        ...(decision.requestedBy && {
          requestedBy: decision.requestedBy.accountId,
          requestedByDelegation: decision.requestedBy.delegation,
        }),
      })
    }
    return result
  }

  /**
   * Withdraws a waiting first key: the requesting delegation's co-chair cancels it, the other delegation's
   * declines it. The suggestion stays open, undecided.
   */
  async withdraw(documentName: string, actor: DocumentActor, suggestionId: string): Promise<void> {
    if (actor.role !== 'co-chair' || actor.account.delegation === null)
      throw httpErrors.forbidden('Only co-chairs give or withdraw keys')
    const action = await this.queue.run(documentName, async () => {
      const waiting = await this.decisions.findRequest(documentName, suggestionId)
      if (!waiting) throw httpErrors.conflict('No decision on this suggestion is waiting')
      await this.decisions.withdrawRequest(documentName, suggestionId)
      return waiting.requestedBy.delegation === actor.account.delegation ? 'cancelled' : 'declined'
    })
    await recordDocumentAction(this.audit, actor, `suggestion.request-${action}`, documentName, {
      suggestionId,
    })
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

function waitingMessage(waiting: SuggestionRequest, delegation: Delegation): string {
  const other = waiting.requestedBy.delegation
  if (other === delegation) return 'Waiting for the co-chair of the other delegation to confirm'
  const verb = waiting.decision === 'accepted' ? 'accept' : 'reject'
  return `The ${other} co-chair asked to ${verb} this suggestion: confirm it, or decline the request first`
}
