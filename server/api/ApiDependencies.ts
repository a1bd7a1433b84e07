import type { Authenticator } from '../auth/Authenticator.ts'
import type { RateLimiter } from '../auth/RateLimiter.ts'
import type { Stores } from '../persistence/Stores.ts'

export interface ApiDependencies
  extends Pick<
    Stores,
    'accounts' | 'sessions' | 'signInLinks' | 'invitations' | 'setupSecret' | 'catalog' | 'audit'
  > {
  authenticator: Authenticator
  /** Failed sign-ins per login and per address. */
  signInLimits: { byLogin: RateLimiter; byAddress: RateLimiter }
  browserSessionTtlMs: number
  secureCookies: boolean
}
