import type { Delegation, Role } from '../roles/index.ts'

/** An account as the API shows it (never with secrets). */
export interface AccountView {
  id: number
  login: string
  name: string
  delegation: Delegation
  role: Role
  isAdmin: boolean
  disabled: boolean
}

/** GET /api/session */
export interface SessionView {
  account: AccountView | null
  /** True until the first co-chair has been created through the setup link. */
  needsSetup: boolean
}
