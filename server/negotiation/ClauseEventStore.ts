import type { ClauseEvent, ClauseEventDraft } from '../../shared/negotiation/clauseStatus.ts'

/**
 * The append-only, hash-chained history of clause status (one chain per document). Only appends: a status is
 * never edited, a later event supersedes it. The store links each event to the last one atomically, so two
 * appends at once never fork the chain.
 */
export interface ClauseEventStore {
  append(documentName: string, draft: ClauseEventDraft): Promise<ClauseEvent>
  /** The document's events in chain order. */
  list(documentName: string): Promise<ClauseEvent[]>
}
