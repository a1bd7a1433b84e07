import type { AuditLog } from '../audit/AuditLog.ts'
import type { AccountStore } from '../auth/AccountStore.ts'
import type { InvitationStore } from '../auth/InvitationStore.ts'
import type { SessionStore } from '../auth/SessionStore.ts'
import type { SetupSecretStore } from '../auth/SetupSecretStore.ts'
import type { SignInLinkStore } from '../auth/SignInLinkStore.ts'
import type { ThreadStore } from '../comments/ThreadStore.ts'
import type { DocumentCatalog } from '../documents/DocumentCatalog.ts'
import type { BracketRegisterStore } from '../negotiation/BracketRegisterStore.ts'
import type { ClauseEventStore } from '../negotiation/ClauseEventStore.ts'
import type { MeetingStore } from '../snapshots/MeetingStore.ts'
import type { SnapshotStore } from '../snapshots/SnapshotStore.ts'
import type { AuthorshipStore } from '../suggestions/AuthorshipStore.ts'
import type { SuggestionDecisionStore } from '../suggestions/SuggestionDecisionStore.ts'
import type { DocumentStore } from './DocumentStore.ts'

/** Every store of one backend, over one database; the composition root picks the backend. */
export interface Stores {
  documents: DocumentStore
  accounts: AccountStore
  sessions: SessionStore
  signInLinks: SignInLinkStore
  invitations: InvitationStore
  setupSecret: SetupSecretStore
  catalog: DocumentCatalog
  threads: ThreadStore
  meetings: MeetingStore
  snapshots: SnapshotStore
  brackets: BracketRegisterStore
  audit: AuditLog
  clauseEvents: ClauseEventStore
  suggestionDecisions: SuggestionDecisionStore
  authorship: AuthorshipStore
  /**
   * True when another process (the admin CLI) has written to the database since the last call; absent where
   * that cannot be told cheaply. Lets the periodic session re-check skip its work while nothing changed.
   */
  changedElsewhere?: () => boolean
}
