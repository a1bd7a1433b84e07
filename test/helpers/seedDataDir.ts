import { createSqliteStores } from '../../server/persistence/createSqliteStores.ts'
import { openSqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import type { Role } from '../../shared/roles/index.ts'

/**
 * Prepares a data directory for a server started as a child process: documents open to everyone and an
 * account with a personal access token. Returns the token.
 */
export async function seedDataDir(
  dataDir: string,
  documentNames: string[],
  role: Role = 'drafter',
): Promise<string> {
  const database = openSqliteDatabase(dataDir)
  try {
    const { catalog, accounts, sessions } = createSqliteStores(database)
    for (const name of documentNames) {
      await catalog.ensure({
        name,
        title: name,
        position: 50,
        access: [{ subject: { kind: 'everyone' }, maxRole: 'co-chair' }],
      })
    }
    const account = await accounts.createAccount({
      login: `seeded-${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      name: `Seeded ${role}`,
      delegation: 'AZ',
      role,
      isAdmin: false,
      passwordHash: null,
    })
    const { token } = await sessions.createSession({
      userId: account.id,
      kind: 'token',
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    return token
  } finally {
    database.close()
  }
}
