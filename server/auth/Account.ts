import type { Delegation, Role } from '../../shared/roles/index.ts'

export interface Account {
  id: number
  login: string
  name: string
  delegation: Delegation
  role: Role
  isAdmin: boolean
  disabled: boolean
  createdAt: string
}

export type SessionKind = 'browser' | 'token'

export interface Session {
  id: number
  userId: number
  kind: SessionKind
  /** Personal access tokens may be limited to one document. */
  documentName: string | null
  label: string | null
  createdAt: string
  expiresAt: string
}

export interface Invitation {
  id: number
  delegation: Delegation
  role: Role
  name: string | null
  createdBy: number
  createdAt: string
  expiresAt: string
  usedAt: string | null
}
