import type { Principal } from './Principal.ts'

/** A range of one client's Yjs items (clock, length) that an update deletes. */
export interface DeletedRange {
  client: number
  clock: number
  length: number
}

/**
 * Who writes with which Yjs client id, and who deletes what. Every client id a connection writes new content
 * with is recorded for its account (durably, before the content is stored), so text can be attributed to
 * people and delegations; an id already recorded for another account is refused, so nobody writes in someone
 * else's name. Deletions are recorded too: Yjs keeps what was deleted, never by whom.
 */
export interface ClientIdClaims {
  /** Null once recorded for `principal`; otherwise the refusal reason (nothing is recorded then). */
  claim(documentName: string, principal: Principal, clientIds: readonly number[]): Promise<string | null>
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
