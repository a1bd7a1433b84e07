import * as Y from 'yjs'
import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'
import { documentField } from '../../../shared/schema/index.ts'
import {
  type BracketSighting,
  type IndexedBracket,
  readBrackets,
  toSighting,
} from '../../negotiation/readBrackets.ts'
import { encodeStorableState } from '../encodeStorableState.ts'
import { validateDocumentUpdate } from '../validateDocumentUpdate.ts'
import { findBracketViolation, touchedBrackets, updatedIndex } from './findBracketViolation.ts'
import {
  describeProtectedClause,
  findProtectedClauseChange,
  protectedClauseOf,
  protectedContentOf,
} from './findProtectedClauseChange.ts'
import { findSchemaViolation } from './findSchemaViolation.ts'
import {
  collectSuggestionMarks,
  collectUpdateSuggestionMarks,
  findSuggestionViolation,
  isSuggestionKey,
  type KnownSuggestionMarks,
} from './findSuggestionViolation.ts'
import { changedItemsOf, TextAttributeCache } from './TextAttributeCache.ts'
import type { WrittenBy } from './UpdateValidator.ts'
import type { Writer } from './Writer.ts'

/** An update to check, in the order it would be stored. */
export interface CandidateUpdate {
  update: Uint8Array
  /** The server's own change (template, restore): it must apply, but the schema check is the server's job. */
  trusted: boolean
  /** Updates with the same sender: once one is refused, the sender's later ones are refused too. */
  sender: number
  /** Who sent a client update (the bracket rules depend on it); null for the server's own changes. */
  writer: Writer | null
}

/** The shadow's answer for one update. */
export interface ShadowVerdict {
  refused: string | null
  /** The refusal breaks a negotiation rule (4403), rather than being malformed or invalid (4400). */
  forbidden: boolean
  /** Once accepted: every bracket of the document after it, if it touched any bracket; else null. */
  brackets: BracketSighting[] | null
  /** Once accepted (a client's update): the client ids it wrote with and the text it deleted; else null. */
  written: WrittenBy | null
}

/**
 * The client ids a transaction added content for, and the ranges of items that existed before it and that it
 * deleted (a client's update repeats deletions the document already has; those are no-ops and not listed).
 */
function writtenBy(transaction: Y.Transaction): WrittenBy {
  // Inside the transaction afterState is not computed yet: read the store.
  const clients = [...transaction.doc.store.clients.keys()].filter(
    (client) => Y.getState(transaction.doc.store, client) > (transaction.beforeState.get(client) ?? 0),
  )
  const deleted: WrittenBy['deleted'] = []
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const before = transaction.beforeState.get(client) ?? 0
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, before)
      if (clock < end) deleted.push({ client, clock, length: end - clock })
    }
  }
  return { clients, deleted }
}

/** Re-encode the remembered log into one state update once it is this much larger than the last state. */
const compactionFactor = 2

/**
 * A copy of one document that is exactly the live document's state: the state it was seeded with plus every
 * update accepted since. An update is accepted only if it applies to this copy without error and leaves the
 * document valid by the schema; a refused update is rolled back by rebuilding the copy from what it remembers
 * (its last state plus the updates accepted after it), so the copy never holds anything the log does not.
 */
export class DocumentShadow {
  private ydoc = DocumentShadow.emptyDoc()
  /** The last seeded or compacted state followed by the updates accepted since, in order. */
  private remembered: Uint8Array[] = []
  private rememberedBytes = 0
  private stateBytes = 0
  /** Every bracket of the copy as it is, to compare an update's result with (by id). */
  private brackets: IndexedBracket[] = []
  /** The brackets after the last accepted update, if it touched any (see ShadowVerdict). */
  private touched: BracketSighting[] | null = null
  private forbidden = false
  /** What the last checked update wrote (see ShadowVerdict). */
  private written: WrittenBy | null = null
  /** Agreed clauses (by clause id) and their content as last accepted: the two-key rule's reference. */
  private protectedClauses = new Map<string, ClauseStatus>()
  private protectedContent = new Map<string, string>()
  /** Every suggestion mark the document has held (see findSuggestionViolation). */
  private knownSuggestions: KnownSuggestionMarks = new Set()
  /** The formatting in effect in the copy's texts, so a keystroke's check need not walk its paragraph. */
  private attributes = new TextAttributeCache()

  /** A fixed guid: the default one costs a crypto uuid per document (see validateDocumentUpdate's history). */
  private static emptyDoc(): Y.Doc {
    const ydoc = new Y.Doc({ guid: 'update-validation' })
    ydoc.getXmlFragment(documentField)
    return ydoc
  }

  seed(state: Uint8Array): void {
    this.remembered = [state]
    this.rememberedBytes = state.byteLength
    this.stateBytes = state.byteLength
    this.rebuild()
    this.knownSuggestions = new Set()
    collectSuggestionMarks(this.ydoc.getXmlFragment(documentField), this.knownSuggestions)
  }

  /** Clauses whose text no client update may change from now on (the server's own changes still may). */
  protect(clauses: Record<string, ClauseStatus>): void {
    this.protectedClauses = new Map(Object.entries(clauses))
    this.protectedContent = protectedContentOf(this.ydoc, this.protectedClauses)
  }

  /** Checks each update against the state the accepted ones before it leave. */
  checkAll(candidates: readonly CandidateUpdate[]): ShadowVerdict[] {
    const refusedSenders = new Set<number>()
    return candidates.map((candidate): ShadowVerdict => {
      if (refusedSenders.has(candidate.sender))
        return {
          refused: 'an earlier update from this connection was refused',
          forbidden: false,
          brackets: null,
          written: null,
        }
      const refused = this.check(candidate.update, candidate.trusted, candidate.writer)
      if (refused !== null) refusedSenders.add(candidate.sender)
      return {
        refused,
        forbidden: refused !== null && this.forbidden,
        brackets: this.touched,
        written: refused === null && !candidate.trusted ? this.written : null,
      }
    })
  }

  /**
   * The reason to refuse `update`, or null once it is accepted (and applied to the copy). A client's update
   * (`trusted` false) must also keep the bracket rules for `writer` (see findBracketViolation); a writer of
   * null there speaks for nobody.
   */
  check(update: Uint8Array, trusted: boolean, writer: Writer | null = null): string | null {
    this.touched = null
    this.forbidden = false
    this.written = null
    let refusal = trusted ? null : validateDocumentUpdate(update)
    if (refusal !== null) return refusal
    let after: IndexedBracket[] | null = null
    /** Protected clauses this update suggested in: their remembered content follows it. */
    const suggestedIn = new Set<string>()
    const introduced: KnownSuggestionMarks = new Set()
    try {
      Y.transact(this.ydoc, (transaction) => {
        Y.applyUpdate(this.ydoc, update)
        const changes = changedItemsOf(transaction, isSuggestionKey)
        this.attributes.forget(changes)
        if (!trusted) this.written = writtenBy(transaction)
        if (!trusted) refusal = findSchemaViolation(transaction, this.ydoc)
        if (refusal !== null) return
        if (!trusted) {
          // The two-key rule: agreed text changes only by a server operation both delegations agreed to, or
          // takes a suggestion (which such an operation then accepts or rejects).
          refusal = findProtectedClauseChange(
            transaction,
            this.ydoc,
            this.protectedClauses,
            this.protectedContent,
            true,
          )
          if (refusal === null) {
            const suggester = writer ?? { delegation: null, coChair: false }
            refusal = findSuggestionViolation(
              transaction,
              suggester,
              (type) => {
                const clauseId = protectedClauseOf(type, this.protectedClauses)
                if (clauseId === null)
                  return suggester.mustSuggest ? () => 'this document takes suggestions only' : null
                suggestedIn.add(clauseId)
                return () => describeProtectedClause(this.ydoc, clauseId, this.protectedClauses)
              },
              this.knownSuggestions,
              introduced,
              this.attributes,
              changes,
            )
          }
          this.forbidden = refusal !== null
          if (refusal !== null) return
        }
        const change = touchedBrackets(transaction, this.brackets)
        if (change === null) return
        after = updatedIndex(this.brackets, change)
        if (trusted) return
        refusal = findBracketViolation(this.brackets, after, writer ?? { delegation: null, coChair: false })
        this.forbidden = refusal !== null
      })
    } catch {
      refusal = 'update cannot be applied to the document'
    }
    if (refusal !== null) {
      this.rebuild()
      return refusal
    }
    if (after !== null) {
      this.brackets = after
      this.touched = (after as IndexedBracket[]).map(toSighting)
    }
    this.remember(update)
    if (trusted) collectUpdateSuggestionMarks(update, introduced)
    for (const key of introduced) this.knownSuggestions.add(key)
    // The server may change agreed text (a restore, a decision both delegations took), and a client may suggest
    // there: follow it.
    if (trusted && this.protectedClauses.size > 0) {
      this.protectedContent = protectedContentOf(this.ydoc, this.protectedClauses)
    } else if (suggestedIn.size > 0) {
      const statuses = new Map(
        [...suggestedIn].map((clauseId) => [clauseId, this.protectedClauses.get(clauseId)!]),
      )
      for (const [clauseId, content] of protectedContentOf(this.ydoc, statuses))
        this.protectedContent.set(clauseId, content)
    }
    return null
  }

  destroy(): void {
    this.ydoc.destroy()
    this.remembered = []
  }

  private remember(update: Uint8Array): void {
    this.remembered.push(update)
    this.rememberedBytes += update.byteLength
    if (this.rememberedBytes > compactionFactor * this.stateBytes + 64 * 1024) {
      const state = encodeStorableState(this.ydoc)
      if (state === null) {
        // Pending content that does not encode safely: keep the updates, and wait for twice as many bytes.
        this.stateBytes = this.rememberedBytes
        return
      }
      this.remembered = [state]
      this.rememberedBytes = state.byteLength
      this.stateBytes = state.byteLength
    }
  }

  private rebuild(): void {
    this.ydoc.destroy()
    this.ydoc = DocumentShadow.emptyDoc()
    this.attributes = new TextAttributeCache()
    Y.transact(this.ydoc, () => {
      for (const update of this.remembered) {
        try {
          Y.applyUpdate(this.ydoc, update)
        } catch {
          // Only a seeded state can hold such an update (the live document skipped it the same way at load).
        }
      }
    })
    this.brackets = readBrackets(this.ydoc)
  }
}
