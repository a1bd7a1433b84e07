import { SqliteAuditLog } from '../audit/SqliteAuditLog.ts'
import { SqliteAccountStore } from '../auth/SqliteAccountStore.ts'
import { SqliteInvitationStore } from '../auth/SqliteInvitationStore.ts'
import { SqliteSessionStore } from '../auth/SqliteSessionStore.ts'
import { SqliteSetupSecretStore } from '../auth/SqliteSetupSecretStore.ts'
import { SqliteSignInLinkStore } from '../auth/SqliteSignInLinkStore.ts'
import { SqliteThreadStore } from '../comments/SqliteThreadStore.ts'
import { SqliteDocumentCatalog } from '../documents/SqliteDocumentCatalog.ts'
import { SqliteBracketRegisterStore } from '../negotiation/SqliteBracketRegisterStore.ts'
import { SqliteClauseEventStore } from '../negotiation/SqliteClauseEventStore.ts'
import { SqliteMeetingStore } from '../snapshots/SqliteMeetingStore.ts'
import { SqliteSnapshotStore } from '../snapshots/SqliteSnapshotStore.ts'
import { SqliteAuthorshipStore } from '../suggestions/SqliteAuthorshipStore.ts'
import { SqliteSuggestionDecisionStore } from '../suggestions/SqliteSuggestionDecisionStore.ts'
import type { SqliteDatabase } from './openSqliteDatabase.ts'
import { SqliteDocumentStore } from './SqliteDocumentStore.ts'
import type { Stores } from './Stores.ts'

/** The SQLite stores over one database opened (and migrated) by `openSqliteDatabase`; the caller closes it. */
export function createSqliteStores(database: SqliteDatabase): Stores {
  const accounts = new SqliteAccountStore(database)
  // SQLite's data_version changes when another connection (another process) commits, never for our own.
  const dataVersion = (): number => database.pragma('data_version', { simple: true }) as number
  let seenVersion = dataVersion()
  return {
    changedElsewhere: () => {
      const version = dataVersion()
      const changed = version !== seenVersion
      seenVersion = version
      return changed
    },
    documents: new SqliteDocumentStore(database),
    accounts,
    sessions: new SqliteSessionStore(database, accounts),
    signInLinks: new SqliteSignInLinkStore(database),
    invitations: new SqliteInvitationStore(database, accounts),
    setupSecret: new SqliteSetupSecretStore(database, accounts),
    catalog: new SqliteDocumentCatalog(database),
    threads: new SqliteThreadStore(database),
    meetings: new SqliteMeetingStore(database),
    snapshots: new SqliteSnapshotStore(database),
    brackets: new SqliteBracketRegisterStore(database),
    audit: new SqliteAuditLog(database),
    clauseEvents: new SqliteClauseEventStore(database),
    suggestionDecisions: new SqliteSuggestionDecisionStore(database),
    authorship: new SqliteAuthorshipStore(database),
  }
}
