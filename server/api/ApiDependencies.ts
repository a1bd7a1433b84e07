import type { AuditLog } from '../audit/AuditLog.ts'
import type { AccountStore } from '../auth/AccountStore.ts'
import type { Authenticator } from '../auth/Authenticator.ts'
import type { InvitationStore } from '../auth/InvitationStore.ts'
import type { RateLimiter } from '../auth/RateLimiter.ts'
import type { SessionStore } from '../auth/SessionStore.ts'
import type { SetupSecretStore } from '../auth/SetupSecretStore.ts'
import type { SignInLinkStore } from '../auth/SignInLinkStore.ts'
import type { DocumentCatalog } from '../documents/DocumentCatalog.ts'

export interface ApiDependencies {
  accounts: AccountStore
  sessions: SessionStore
  signInLinks: SignInLinkStore
  invitations: InvitationStore
  setupSecret: SetupSecretStore
  catalog: DocumentCatalog
  audit: AuditLog
  authenticator: Authenticator
  /** Failed sign-ins per login and per address. */
  signInLimits: { byLogin: RateLimiter; byAddress: RateLimiter }
  browserSessionTtlMs: number
  secureCookies: boolean
}
