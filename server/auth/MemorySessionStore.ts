import type { Session } from './Account.ts'
import type { MemoryAccountStore } from './MemoryAccountStore.ts'
import type { LiveSession, NewSession, SessionStore } from './SessionStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

interface StoredSession {
  session: Session
  tokenHash: string
  revokedAt: string | null
}

/** In-process sessions for tests; like the SQL stores it keeps only the hash of each secret. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<number, StoredSession>()
  private nextId = 1

  constructor(private readonly accounts: MemoryAccountStore) {}

  async createSession(session: NewSession): Promise<{ session: Session; token: string }> {
    const token = createSecretToken()
    const created: Session = {
      id: this.nextId++,
      userId: session.userId,
      kind: session.kind,
      documentName: session.documentName ?? null,
      label: session.label ?? null,
      createdAt: new Date().toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    }
    this.sessions.set(created.id, { session: created, tokenHash: hashSecretToken(token), revokedAt: null })
    return { session: { ...created }, token }
  }

  async findSession(token: string, now: Date): Promise<LiveSession | null> {
    const tokenHash = hashSecretToken(token)
    for (const stored of this.sessions.values()) {
      if (stored.tokenHash === tokenHash) return this.live(stored, now)
    }
    return null
  }

  async findSessionById(id: number, now: Date): Promise<LiveSession | null> {
    const stored = this.sessions.get(id)
    return stored ? this.live(stored, now) : null
  }

  async revokeSession(id: number): Promise<void> {
    const stored = this.sessions.get(id)
    if (stored && stored.revokedAt === null) stored.revokedAt = new Date().toISOString()
  }

  async revokeSessionsOf(userId: number): Promise<number> {
    let revoked = 0
    for (const stored of this.sessions.values()) {
      if (stored.session.userId === userId && stored.revokedAt === null) {
        stored.revokedAt = new Date().toISOString()
        revoked += 1
      }
    }
    return revoked
  }

  private live(stored: StoredSession, now: Date): LiveSession | null {
    if (stored.revokedAt !== null || stored.session.expiresAt <= now.toISOString()) return null
    const account = this.accounts.findById(stored.session.userId)
    if (!account || account.disabled) return null
    return { session: { ...stored.session }, account }
  }
}
