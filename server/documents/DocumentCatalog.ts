import type { Delegation, Role } from '../../shared/roles/index.ts'
import type { SuggestionPolicy } from '../../shared/suggestions/index.ts'

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
  /** Sorted by position, then title. */
  list(): Promise<DocumentRecord[]>
  find(name: string): Promise<DocumentRecord | null>
  /**
   * Creates the document with its access rules if it does not exist yet, atomically; returns the stored record
   * either way (an existing record is not changed, even by concurrent calls).
   */
  ensure(record: Omit<DocumentRecord, 'createdAt'>): Promise<DocumentRecord>
  /** Replaces the document's access rules atomically; rules are kept in the order given. */
  setAccess(name: string, access: AccessRule[]): Promise<void>
  /** The date (YYYY-MM-DD) the text is due, if one was set; null for a document that does not exist. */
  deadlineOf(name: string): Promise<string | null>
  setDeadline(name: string, deadline: string | null): Promise<void>
  /** The document's tracked-changes settings (the defaults for a document that does not exist). */
  suggestionPolicyOf(name: string): Promise<SuggestionPolicy>
  setSuggestionPolicy(name: string, policy: SuggestionPolicy): Promise<void>
}
