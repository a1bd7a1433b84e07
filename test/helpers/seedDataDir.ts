import { SqliteAccountStore } from '../../server/auth/SqliteAccountStore.ts'
import { SqliteDocumentCatalog } from '../../server/documents/SqliteDocumentCatalog.ts'
import { openSqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import type { Role } from '../../shared/roles/index.ts'

/**
 * Prepares a data directory for a server started as a child process: documents open to everyone and an
 * account with a personal access token. Returns the token.
 */
export function seedDataDir(dataDir: string, documentNames: string[], role: Role = 'drafter'): string {
  const database = openSqliteDatabase(dataDir)
  try {
    const catalog = new SqliteDocumentCatalog(database)
    for (const name of documentNames) {
      catalog.ensure({
        name,
        title: name,
        position: 50,
        access: [{ subject: { kind: 'everyone' }, maxRole: 'co-chair' }],
      })
    }
    const accounts = new SqliteAccountStore(database)
    const account = accounts.createAccount({
      login: `seeded-${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      name: `Seeded ${role}`,
      delegation: 'AZ',
      role,
      isAdmin: false,
      passwordHash: null,
    })
    return accounts.createSession({
      userId: account.id,
      kind: 'token',
      expiresAt: new Date(Date.now() + 86_400_000),
    }).token
  } finally {
    database.close()
  }
}
