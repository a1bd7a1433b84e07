import { PostgresBracketRegisterStore } from '../../negotiation/PostgresBracketRegisterStore.ts'
import { PostgresClauseEventStore } from '../../negotiation/PostgresClauseEventStore.ts'
import { PostgresAuthorshipStore } from '../../suggestions/PostgresAuthorshipStore.ts'
import { PostgresSuggestionDecisionStore } from '../../suggestions/PostgresSuggestionDecisionStore.ts'
import type { Stores } from '../Stores.ts'
import { PostgresAccountStore } from './PostgresAccountStore.ts'
import { PostgresAuditLog } from './PostgresAuditLog.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'
import { PostgresDocumentCatalog } from './PostgresDocumentCatalog.ts'
import { PostgresDocumentStore } from './PostgresDocumentStore.ts'
import { PostgresInvitationStore } from './PostgresInvitationStore.ts'
import { PostgresMeetingStore } from './PostgresMeetingStore.ts'
import { PostgresSessionStore } from './PostgresSessionStore.ts'
import { PostgresSetupSecretStore } from './PostgresSetupSecretStore.ts'
import { PostgresSignInLinkStore } from './PostgresSignInLinkStore.ts'
import { PostgresSnapshotStore } from './PostgresSnapshotStore.ts'
import { PostgresThreadStore } from './PostgresThreadStore.ts'

/** The PostgreSQL stores over one pool opened (and migrated) by `openPostgresDatabase`; the caller ends it. */
export function createPostgresStores(database: PostgresDatabase): Stores {
  return {
    documents: new PostgresDocumentStore(database),
    accounts: new PostgresAccountStore(database),
    sessions: new PostgresSessionStore(database),
    signInLinks: new PostgresSignInLinkStore(database),
    invitations: new PostgresInvitationStore(database),
    setupSecret: new PostgresSetupSecretStore(database),
    catalog: new PostgresDocumentCatalog(database),
    threads: new PostgresThreadStore(database),
    meetings: new PostgresMeetingStore(database),
    snapshots: new PostgresSnapshotStore(database),
    audit: new PostgresAuditLog(database),
    brackets: new PostgresBracketRegisterStore(database),
    clauseEvents: new PostgresClauseEventStore(database),
    suggestionDecisions: new PostgresSuggestionDecisionStore(database),
    authorship: new PostgresAuthorshipStore(database),
  }
}
