import type { Account, Session, SessionKind } from './Account.ts'

export interface NewSession {
  userId: number
  kind: SessionKind
  expiresAt: Date
  /** Personal access tokens (`kind: 'token'`) may be limited to one document; null means every document. */
  documentName?: string | null
  label?: string | null
}

export interface LiveSession {
  session: Session
  account: Account
}

/**
 * Server-side sessions: browser sessions (cookie) and personal access tokens. Only a hash of each secret is
 * stored. A session is live until it expires or is revoked, and only while its account is enabled.
 */
export interface SessionStore {
  /** Creates a session and returns its secret once. */
  createSession(session: NewSession): Promise<{ session: Session; token: string }>
  /** The live session for a secret, with its account. */
  findSession(token: string, now: Date): Promise<LiveSession | null>
  findSessionById(id: number, now: Date): Promise<LiveSession | null>
  /** Idempotent. */
  revokeSession(id: number): Promise<void>
  /** Revokes every live session of an account; resolves to how many were live. */
  revokeSessionsOf(userId: number): Promise<number>
}
