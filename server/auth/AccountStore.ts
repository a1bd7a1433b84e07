import type { Delegation, Role } from '../../shared/roles/index.ts'
import type { Account, Invitation, Session, SessionKind } from './Account.ts'

export interface NewAccount {
  login: string
  name: string
  delegation: Delegation
  role: Role
  isAdmin: boolean
  passwordHash: string | null
}

export interface NewSession {
  userId: number
  kind: SessionKind
  expiresAt: Date
  documentName?: string | null
  label?: string | null
}

/** Accounts, sessions, one-time sign-in links, invitations and the first-run setup secret. */
export interface AccountStore {
  countAccounts(): number
  createAccount(account: NewAccount): Account
  findAccountById(id: number): Account | null
  findAccountByLogin(login: string): Account | null
  passwordHashOf(id: number): string | null
  listAccounts(): Account[]
  updateAccount(
    id: number,
    changes: Partial<Pick<Account, 'role' | 'isAdmin' | 'disabled' | 'name'>>,
  ): Account | null
  setPasswordHash(id: number, passwordHash: string): void

  /** Creates a session and returns its secret; only the secret's hash is stored. */
  createSession(session: NewSession): { session: Session; token: string }
  /** The live (not expired, not revoked) session for a secret, with its account. */
  findSession(token: string, now: Date): { session: Session; account: Account } | null
  findSessionById(id: number, now: Date): { session: Session; account: Account } | null
  revokeSession(id: number): void
  revokeSessionsOf(userId: number): number

  createSignInLink(userId: number, expiresAt: Date): string
  /** Single use: returns the account id once, null afterwards or when expired. */
  consumeSignInLink(token: string, now: Date): number | null

  createInvitation(invitation: Omit<Invitation, 'id' | 'createdAt' | 'usedAt'>): {
    invitation: Invitation
    token: string
  }
  findInvitation(token: string, now: Date): Invitation | null
  listInvitations(): Invitation[]
  /** Marks the invitation used and creates the account in one transaction; null if it was already used. */
  acceptInvitation(
    token: string,
    now: Date,
    account: Omit<NewAccount, 'delegation' | 'role' | 'isAdmin'>,
  ): Account | null

  /** Replaces the first-run setup secret (only meaningful while there are no accounts). */
  createSetupToken(): string
  /** Creates the first admin co-chair if the secret matches and no account exists yet. */
  completeSetup(token: string, account: Omit<NewAccount, 'role' | 'isAdmin'>): Account | null
}
