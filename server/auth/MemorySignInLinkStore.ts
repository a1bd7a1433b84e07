import type { SignInLinkStore } from './SignInLinkStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

interface StoredLink {
  userId: number
  expiresAt: string
  usedAt: string | null
}

/** In-process sign-in links for tests; check and mark happen without yielding, hence single use. */
export class MemorySignInLinkStore implements SignInLinkStore {
  private readonly links = new Map<string, StoredLink>()

  async createSignInLink(userId: number, expiresAt: Date): Promise<string> {
    const token = createSecretToken()
    this.links.set(hashSecretToken(token), { userId, expiresAt: expiresAt.toISOString(), usedAt: null })
    return token
  }

  async consumeSignInLink(token: string, now: Date): Promise<number | null> {
    const link = this.links.get(hashSecretToken(token))
    if (!link || link.usedAt !== null || link.expiresAt <= now.toISOString()) return null
    link.usedAt = now.toISOString()
    return link.userId
  }
}
