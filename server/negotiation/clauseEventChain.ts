import { createHash } from 'node:crypto'
import type {
  ChainVerification,
  ClauseEvent,
  ClauseEventDraft,
} from '../../shared/negotiation/clauseStatus.ts'

/** The hash that starts every document's chain. */
export const genesisHash = '0'.repeat(64)

/** Every field but the hash itself, in a fixed order, so the hash does not depend on how a row was read. */
function hashedFields(event: Omit<ClauseEvent, 'hash'>): string {
  return JSON.stringify([
    event.documentName,
    event.seq,
    event.clauseId,
    event.action,
    event.from,
    event.to,
    event.accountId,
    event.accountName,
    event.delegation,
    event.at,
    event.textHash,
    event.reason,
    event.snapshotId,
    event.previousHash,
  ])
}

export function hashClauseEvent(event: Omit<ClauseEvent, 'hash'>): string {
  return createHash('sha256').update(hashedFields(event)).digest('hex')
}

/** The next link of a document's chain after `previous` (null for the first event). */
export function chainClauseEvent(
  documentName: string,
  previous: ClauseEvent | null,
  draft: ClauseEventDraft,
): ClauseEvent {
  const unhashed = {
    ...draft,
    documentName,
    seq: (previous?.seq ?? 0) + 1,
    previousHash: previous?.hash ?? genesisHash,
  }
  return { ...unhashed, hash: hashClauseEvent(unhashed) }
}

/** Recomputes a document's chain (events in seq order) and reports the first event that does not match. */
export function verifyClauseEvents(events: readonly ClauseEvent[]): ChainVerification {
  let previousHash = genesisHash
  for (const [index, event] of events.entries()) {
    const broken = (reason: string): ChainVerification => ({
      valid: false,
      events: events.length,
      brokenAt: event.seq,
      reason,
    })
    if (event.seq !== index + 1) return broken(`event ${index + 1} is missing`)
    if (event.previousHash !== previousHash) return broken('the link to the previous event does not match')
    const { hash, ...unhashed } = event
    if (hashClauseEvent(unhashed) !== hash) return broken('the event was changed after it was recorded')
    previousHash = hash
  }
  return { valid: true, events: events.length, brokenAt: null, reason: null }
}
