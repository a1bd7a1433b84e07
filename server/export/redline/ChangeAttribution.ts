import type { Delegation } from '../../../shared/roles/index.ts'

/** Who made a change: a person and their delegation, when the server knows them. */
export interface ChangeAuthor {
  name: string
  delegation: Delegation | null
  /**
   * When the change was made, if known: a suggestion's time, a recorded deletion's time; for plain typing, when
   * its writer's Yjs client id first wrote (a session's start, so no later than the change).
   */
  at?: string
}

/** A run of text inserted or deleted between two versions, with its author (null if unknown: the server's own). */
export interface AuthoredText {
  text: string
  author: ChangeAuthor | null
  /** The priority area (section) it is in, or null outside sections. */
  area: string | null
}

/**
 * The text inserted and deleted between two versions, in document order, attributed from the document's
 * history (who wrote each Yjs item, who deleted it); the redline lays it over its word diff.
 */
export interface ChangeAttribution {
  inserted: AuthoredText[]
  deleted: AuthoredText[]
}

/** What the export worker needs to attribute a redline: both versions' Yjs states and the authorship record. */
export interface AuthorshipEvidence {
  baseState: Uint8Array
  state: Uint8Array
  authors: { clientId: number; name: string; delegation: Delegation | null; firstSeen?: string }[]
  deletions: {
    client: number
    clock: number
    length: number
    name: string
    delegation: Delegation | null
    at?: string
  }[]
}
