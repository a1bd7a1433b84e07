import * as Y from 'yjs'
import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'
import { documentField } from '../../../shared/schema/index.ts'
import { validateDocumentUpdate } from '../validateDocumentUpdate.ts'
import { findProtectedClauseChange, protectedContentOf } from './findProtectedClauseChange.ts'
import { findSchemaViolation } from './findSchemaViolation.ts'

/** An update to check, in the order it would be stored. */
export interface CandidateUpdate {
  update: Uint8Array
  /** The server's own change (template, restore): it must apply, but the schema check is the server's job. */
  trusted: boolean
  /** Updates with the same sender: once one is refused, the sender's later ones are refused too. */
  sender: number
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
  /** Agreed clauses (by clause id) and their content as last accepted: the two-key rule's reference. */
  private protectedClauses = new Map<string, ClauseStatus>()
  private protectedContent = new Map<string, string>()

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
  }

  /** Clauses whose text no client update may change from now on (the server's own changes still may). */
  protect(clauses: Record<string, ClauseStatus>): void {
    this.protectedClauses = new Map(Object.entries(clauses))
    this.protectedContent = protectedContentOf(this.ydoc, this.protectedClauses)
  }

  /** Checks each update against the state the accepted ones before it leave; returns a reason or null for each. */
  checkAll(candidates: readonly CandidateUpdate[]): (string | null)[] {
    const refusedSenders = new Set<number>()
    return candidates.map((candidate) => {
      if (refusedSenders.has(candidate.sender)) return 'an earlier update from this connection was refused'
      const refusal = this.check(candidate.update, candidate.trusted)
      if (refusal !== null) refusedSenders.add(candidate.sender)
      return refusal
    })
  }

  check(update: Uint8Array, trusted: boolean): string | null {
    let refusal = trusted ? null : validateDocumentUpdate(update)
    if (refusal !== null) return refusal
    try {
      Y.transact(this.ydoc, (transaction) => {
        Y.applyUpdate(this.ydoc, update)
        if (!trusted) refusal = findSchemaViolation(transaction, this.ydoc)
        if (!trusted && refusal === null) {
          refusal = findProtectedClauseChange(
            transaction,
            this.ydoc,
            this.protectedClauses,
            this.protectedContent,
          )
        }
      })
    } catch {
      refusal = 'update cannot be applied to the document'
    }
    if (refusal !== null) {
      this.rebuild()
      return refusal
    }
    this.remember(update)
    // The server may change agreed text (a restore, a decision both delegations took): follow it.
    if (trusted && this.protectedClauses.size > 0) {
      this.protectedContent = protectedContentOf(this.ydoc, this.protectedClauses)
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
      const state = Y.encodeStateAsUpdate(this.ydoc)
      this.remembered = [state]
      this.rememberedBytes = state.byteLength
      this.stateBytes = state.byteLength
    }
  }

  private rebuild(): void {
    this.ydoc.destroy()
    this.ydoc = DocumentShadow.emptyDoc()
    Y.transact(this.ydoc, () => {
      for (const update of this.remembered) {
        try {
          Y.applyUpdate(this.ydoc, update)
        } catch {
          // Only a seeded state can hold such an update (the live document skipped it the same way at load).
        }
      }
    })
  }
}
