import type { Delegation } from '../roles/index.ts'
import type { Proposer } from '../schema/index.ts'

/**
 * Where a bracket is in its life. `withdrawn`: its own delegation removed it from the text; `cleaned`: both
 * delegations' co-chairs agreed and the server replaced it; `removed-by-restore`: a snapshot restore took it
 * out of the text (a later restore or edit that brings it back makes it `open` again).
 */
export type BracketState = 'open' | 'cleaned' | 'withdrawn' | 'removed-by-restore'

export const bracketStates: readonly BracketState[] = ['open', 'cleaned', 'withdrawn', 'removed-by-restore']

/** Someone the register names. Null fields: the server itself, or history from before the register. */
export interface BracketActor {
  accountId: number | null
  name: string | null
  delegation: Delegation | null
}

/** One alternative as the register remembers it, also after it left the text. */
export interface AlternativeRecord {
  id: string
  proposedBy: Proposer
  /** The account whose update created it; null if the server first saw it at load (older documents). */
  authorId: number | null
  authorName: string | null
  /** Its text when last seen in the document. */
  text: string
  addedAt: string
  /** When it left the text (withdrawn, or with its bracket); null while it is there. */
  removedAt: string | null
}

/** A cleaning request moves requested → confirmed, declined or cancelled. */
export type CleaningStatus = 'requested' | 'confirmed' | 'declined' | 'cancelled'

export interface CleaningRecord {
  status: CleaningStatus
  requestedBy: BracketActor
  requestedAt: string
  /** The alternative chosen to stand as plain text; null to drop them all. */
  choice: string | null
  /** Its text at the time of the request, so the record still reads after the bracket is gone. */
  choiceText: string | null
  /** Who confirmed or declined (a co-chair of the other delegation), or cancelled (the requester). */
  answeredBy: BracketActor | null
  answeredAt: string | null
}

/** The register's record of one bracket (`kind` inline: `bracket`; block: `alternatives`). */
export interface BracketRecord {
  id: string
  documentName: string
  kind: 'inline' | 'block'
  openedBy: BracketActor
  openedAt: string
  /** The priority area and article (clause id) where it sits, or last sat. */
  area: string | null
  clauseId: string | null
  /** Every alternative it ever had, in the order they appeared. */
  alternatives: AlternativeRecord[]
  /** Comment threads about it: inline threads anchored inside it, and threads linked explicitly. */
  threadIds: number[]
  state: BracketState
  /** The latest cleaning request, whatever became of it. */
  cleaning: CleaningRecord | null
  /** When it left the text (state other than open); null while open. */
  closedAt: string | null
  updatedAt: string
}
