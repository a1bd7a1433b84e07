import type { Delegation, Role } from '../../shared/roles/index.ts'

/** Who an access rule applies to: everyone signed in, one delegation, or one account. */
export type AccessSubject =
  | { kind: 'everyone' }
  | { kind: 'delegation'; delegation: Delegation }
  | { kind: 'user'; userId: number }

export interface AccessRule {
  subject: AccessSubject
  /** The most a matching user may do; their account role still caps it. */
  maxRole: Role
}

export interface DocumentRecord {
  name: string
  title: string
  /** Lower sorts first; the charter draft is 0. */
  position: number
  createdAt: string
  access: AccessRule[]
}

/** The documents that exist and who may open them. */
export interface DocumentCatalog {
  list(): DocumentRecord[]
  find(name: string): DocumentRecord | null
  /** Creates the document if it does not exist yet; returns the stored record either way. */
  ensure(record: Omit<DocumentRecord, 'createdAt'>): DocumentRecord
  setAccess(name: string, access: AccessRule[]): void
}
