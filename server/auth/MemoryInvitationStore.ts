import type { Account, Invitation } from './Account.ts'
import type { InvitationStore, InvitedAccount, NewInvitation } from './InvitationStore.ts'
import type { MemoryAccountStore } from './MemoryAccountStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

/** In-process invitations for tests; accepting checks, creates and marks without yielding. */
export class MemoryInvitationStore implements InvitationStore {
  private readonly invitations = new Map<number, { invitation: Invitation; tokenHash: string }>()
  private nextId = 1

  constructor(private readonly accounts: MemoryAccountStore) {}

  async createInvitation(invitation: NewInvitation): Promise<{ invitation: Invitation; token: string }> {
    const token = createSecretToken()
    const created: Invitation = {
      id: this.nextId++,
      delegation: invitation.delegation,
      role: invitation.role,
      name: invitation.name,
      createdBy: invitation.createdBy,
      createdAt: new Date().toISOString(),
      expiresAt: invitation.expiresAt,
      usedAt: null,
    }
    this.invitations.set(created.id, { invitation: created, tokenHash: hashSecretToken(token) })
    return { invitation: { ...created }, token }
  }

  async findInvitation(token: string, now: Date): Promise<Invitation | null> {
    const invitation = this.findUsable(token, now)
    return invitation ? { ...invitation } : null
  }

  async listInvitations(): Promise<Invitation[]> {
    return [...this.invitations.values()]
      .map((stored) => ({ ...stored.invitation }))
      .sort((a, b) => b.id - a.id)
  }

  async acceptInvitation(token: string, now: Date, account: InvitedAccount): Promise<Account | null> {
    const invitation = this.findUsable(token, now)
    if (!invitation) return null
    // Created first: a taken login throws before the invitation is marked, as the SQL rollback would leave it.
    const created = this.accounts.insert({
      ...account,
      delegation: invitation.delegation,
      role: invitation.role,
      isAdmin: false,
    })
    invitation.usedAt = now.toISOString()
    return created
  }

  private findUsable(token: string, now: Date): Invitation | null {
    const tokenHash = hashSecretToken(token)
    for (const stored of this.invitations.values()) {
      const { invitation } = stored
      if (stored.tokenHash !== tokenHash) continue
      return invitation.usedAt === null && invitation.expiresAt > now.toISOString() ? invitation : null
    }
    return null
  }
}
