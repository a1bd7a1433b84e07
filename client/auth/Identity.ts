import type { Delegation, Role } from '../../shared/roles/index.ts'

/** Who the user is in the UI. Until sign-in exists this is chosen by the visitor and kept locally. */
export interface Identity {
  name: string
  delegation: Delegation
  role: Role
}
