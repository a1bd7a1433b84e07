import type { AuditLog } from '../audit/AuditLog.ts'
import type { AccountStore } from '../auth/AccountStore.ts'
import type { Authenticator } from '../auth/Authenticator.ts'
import type { RateLimiter } from '../auth/RateLimiter.ts'
import type { DocumentCatalog } from '../documents/DocumentCatalog.ts'

export interface ApiDependencies {
  accounts: AccountStore
  catalog: DocumentCatalog
  audit: AuditLog
  authenticator: Authenticator
  /** Failed sign-ins per login and per address. */
  signInLimits: { byLogin: RateLimiter; byAddress: RateLimiter }
  browserSessionTtlMs: number
  secureCookies: boolean
}
