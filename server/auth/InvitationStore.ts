import type { Account, Invitation } from './Account.ts'
import type { NewAccount } from './AccountStore.ts'

export type NewInvitation = Omit<Invitation, 'id' | 'createdAt' | 'usedAt'>

export type InvitedAccount = Omit<NewAccount, 'delegation' | 'role' | 'isAdmin'>

/** Invitations to create an account with a given delegation and role. Only hashes of the secrets are stored. */
export interface InvitationStore {
  createInvitation(invitation: NewInvitation): Promise<{ invitation: Invitation; token: string }>
  /** The invitation if it is unused and unexpired. */
  findInvitation(token: string, now: Date): Promise<Invitation | null>
  /** Newest first. */
  listInvitations(): Promise<Invitation[]>
  /**
   * Marks the invitation used and creates the account atomically: null (and nothing created) if it is used,
   * expired or unknown; exactly one of concurrent calls succeeds. Rejects with LoginTakenError, leaving the
   * invitation unused, if the login is taken.
   */
  acceptInvitation(token: string, now: Date, account: InvitedAccount): Promise<Account | null>
}
