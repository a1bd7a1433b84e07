import { MemoryAuditLog } from '../audit/MemoryAuditLog.ts'
import { MemoryAccountStore } from '../auth/MemoryAccountStore.ts'
import { MemoryInvitationStore } from '../auth/MemoryInvitationStore.ts'
import { MemorySessionStore } from '../auth/MemorySessionStore.ts'
import { MemorySetupSecretStore } from '../auth/MemorySetupSecretStore.ts'
import { MemorySignInLinkStore } from '../auth/MemorySignInLinkStore.ts'
import { MemoryThreadStore } from '../comments/MemoryThreadStore.ts'
import { MemoryDocumentCatalog } from '../documents/MemoryDocumentCatalog.ts'
import { MemoryBracketRegisterStore } from '../negotiation/MemoryBracketRegisterStore.ts'
import { MemoryClauseEventStore } from '../negotiation/MemoryClauseEventStore.ts'
import { MemoryMeetingStore } from '../snapshots/MemoryMeetingStore.ts'
import { MemorySnapshotStore } from '../snapshots/MemorySnapshotStore.ts'
import { MemoryAuthorshipStore } from '../suggestions/MemoryAuthorshipStore.ts'
import { MemorySuggestionDecisionStore } from '../suggestions/MemorySuggestionDecisionStore.ts'
import { MemoryDocumentStore } from './MemoryDocumentStore.ts'
import type { Stores } from './Stores.ts'

/** Every store in process memory, for tests. */
export function createMemoryStores(): Stores {
  const accounts = new MemoryAccountStore()
  const meetings = new MemoryMeetingStore()
  return {
    documents: new MemoryDocumentStore(),
    accounts,
    sessions: new MemorySessionStore(accounts),
    signInLinks: new MemorySignInLinkStore(),
    invitations: new MemoryInvitationStore(accounts),
    setupSecret: new MemorySetupSecretStore(accounts),
    catalog: new MemoryDocumentCatalog(),
    threads: new MemoryThreadStore(),
    meetings,
    snapshots: new MemorySnapshotStore(meetings),
    brackets: new MemoryBracketRegisterStore(),
    audit: new MemoryAuditLog(),
    clauseEvents: new MemoryClauseEventStore(),
    suggestionDecisions: new MemorySuggestionDecisionStore(),
    authorship: new MemoryAuthorshipStore(),
  }
}
