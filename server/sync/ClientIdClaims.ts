import type { Principal } from './Principal.ts'

/** A range of one client's Yjs items (clock, length) that an update deletes. */
export interface DeletedRange {
  client: number
  clock: number
  length: number
}

/**
 * Who writes with which Yjs client id, and who deletes what. Every client id a connection writes new content
 * with is recorded for its account (durably, no later than the content), so text can be attributed to
 * people and delegations; an id already recorded for another account is refused, so nobody writes in someone
 * else's name. Deletions are recorded too: Yjs keeps what was deleted, never by whom.
 */
/** The answer to a claim, and the write that makes it durable. */
export interface ClaimDecision {
  /** Null if `principal` may write with the ids; otherwise why not (nothing is recorded then). */
  refusal: string | null
  /**
   * Settles once the ids new to the document are durable. The write has already started when the decision is
   * given, so the room's append, started after it in the same turn, shares its group commit on SQLite (one
   * fsync for a new client's first edit instead of two in a row), and is never durable before it.
   */
  recorded: Promise<void>
}

export interface ClientIdClaims {
  claim(documentName: string, principal: Principal, clientIds: readonly number[]): Promise<ClaimDecision>
  /**
   * Records that `principal` deleted these ranges. The room starts it in the same turn as the update's append,
   * so on SQLite both share one group commit (one fsync), and awaits both before acknowledging.
   */
  recordDeletions(
    documentName: string,
    principal: Principal,
    deletions: readonly DeletedRange[],
  ): Promise<void>
}
