import type { Language } from '../i18n/Language.ts'
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
  /** The interface language: the account's choice, else (and before sign-in) the browser's Accept-Language. */
  language: Language
}
