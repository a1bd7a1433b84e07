import type { Delegation } from '../roles/Role.ts'
import type { AreaId } from '../schema/priorityAreas.ts'

/**
 * Where an article stands. "Agreed ad referendum": the negotiators agree, subject to their capitals;
 * "agreed": the capitals confirmed; "initialled": the text is fixed by initials against a named snapshot;
 * "reopened": agreed text that both delegations consented to change again (editable, like open).
 */
export const clauseStatuses = ['open', 'agreedAdRef', 'agreed', 'initialled', 'reopened'] as const
export type ClauseStatus = (typeof clauseStatuses)[number]

/** Statuses whose text nobody may change alone: the server refuses sync updates that touch it. */
export function isProtectedStatus(status: ClauseStatus): boolean {
  return status === 'agreedAdRef' || status === 'agreed' || status === 'initialled'
}

/** The statuses a clause may move to from `from`; each move needs a co-chair of each delegation. */
export function nextStatuses(from: ClauseStatus): ClauseStatus[] {
  switch (from) {
    case 'open':
    case 'reopened':
      return ['agreedAdRef']
    case 'agreedAdRef':
      return ['agreed', 'reopened']
    case 'agreed':
      return ['initialled', 'reopened']
    case 'initialled':
      return ['reopened']
  }
}

/**
 * One event of a clause's history. `request`: a co-chair asks for the move (the first key); `confirm`: a
 * co-chair of the other delegation agrees and the status changes (the second key); `cancel`: the requesting
 * delegation withdraws its request. Events of one document form a hash chain: `hash` covers every other field
 * and the previous event's hash, so changing or dropping a stored event breaks every hash after it.
 */
export interface ClauseEvent {
  documentName: string
  /** Position in the document's chain, from 1. */
  seq: number
  clauseId: string
  action: 'request' | 'confirm' | 'cancel'
  from: ClauseStatus
  to: ClauseStatus
  accountId: number
  accountName: string
  delegation: Delegation
  at: string
  /** SHA-256 of the article's content when the event was recorded. */
  textHash: string
  reason: string
  /** The named snapshot an initialling binds the text to. */
  snapshotId: number | null
  previousHash: string
  hash: string
}

export type ClauseEventDraft = Omit<ClauseEvent, 'seq' | 'previousHash' | 'hash' | 'documentName'>

/** A clause's state, derived from its events. */
export interface ClauseState {
  clauseId: string
  status: ClauseStatus
  /** The open request waiting for the other delegation, if any. */
  pending: ClauseEvent | null
  /** The last status change. */
  changedAt: string | null
}

/** Folds a clause's events (in chain order) into its current state. */
export function clauseStateOf(clauseId: string, events: readonly ClauseEvent[]): ClauseState {
  let state: ClauseState = { clauseId, status: 'open', pending: null, changedAt: null }
  for (const event of events) {
    if (event.clauseId !== clauseId) continue
    if (event.action === 'request') state = { ...state, pending: event }
    else if (event.action === 'cancel') state = { ...state, pending: null }
    else state = { clauseId, status: event.to, pending: null, changedAt: event.at }
  }
  return state
}

/** The result of checking a document's chain. */
export interface ChainVerification {
  valid: boolean
  events: number
  /** The first event whose hash or link does not match, if any. */
  brokenAt: number | null
  reason: string | null
}

/** One article as the status views show it: its place, status, waiting request and open brackets. */
export interface ClauseOverview {
  clauseId: string
  number: number
  area: AreaId
  status: ClauseStatus
  pending: ClauseEvent | null
  changedAt: string | null
  openBrackets: number
  /** Words in the article as it stands. */
  words: number
}
