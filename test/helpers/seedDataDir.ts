import { parseConfig } from '../../server/config.ts'
import { openStores } from '../../server/persistence/openStores.ts'
import type { Role } from '../../shared/roles/index.ts'
import { createTokenAccount } from './createTokenAccount.ts'

/**
 * Prepares a data directory for a server started as a child process: documents open to everyone and an
 * account with a personal access token. Returns the token. With `databaseUrl` it seeds that PostgreSQL database
 * instead (for a child started with DATABASE_URL).
 */
export async function seedDataDir(
  dataDir: string,
  documentNames: string[],
  role: Role = 'drafter',
  databaseUrl?: string,
): Promise<string> {
  const opened = await openStores(parseConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl }))
  try {
    const { catalog } = opened.stores
    for (const name of documentNames) {
      await catalog.ensure({
        name,
        title: name,
        position: 50,
        access: [{ subject: { kind: 'everyone' }, maxRole: 'co-chair' }],
      })
    }
    const { token } = await createTokenAccount(opened.stores, {
      login: `seeded-${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      name: `Seeded ${role}`,
      role,
    })
    return token
  } finally {
    await opened.close()
  }
}
