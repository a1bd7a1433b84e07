import type { Principal } from './Principal.ts'

/**
 * Who writes with which Yjs client id. Every client id a connection writes new content with is recorded for its
 * account (durably, before the content is stored), so text can be attributed to people and delegations; an id
 * already recorded for another account is refused, so nobody writes in someone else's name.
 */
export interface ClientIdClaims {
  /** Null once the ids are recorded for `principal` (or were already); otherwise the refusal reason. */
  claim(documentName: string, principal: Principal, clientIds: readonly number[]): Promise<string | null>
}
