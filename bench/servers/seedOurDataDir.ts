import { SqliteDocumentCatalog } from '../../server/documents/SqliteDocumentCatalog.ts'
import { createSqliteStores } from '../../server/persistence/createSqliteStores.ts'
import { openSqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'

export interface OurCredentials {
  /** Personal access token of a co-chair: opens sockets. */
  token: string
  /** One-time browser sign-in link tokens (`/sign-in#link=<token>`), one per browser run. */
  signInLink(): string
}

/** More than any benchmark run opens browsers; links are made up front so `signInLink` stays synchronous. */
const signInLinkCount = 64

/**
 * Prepares a fresh DATA_DIR for our server before it starts, the same way `server/cli/admin.ts add-user`
 * and `token` do: one co-chair account and a personal access token valid for a day.
 */
export async function seedOurDataDir(dataDir: string): Promise<OurCredentials> {
  const database = openSqliteDatabase(dataDir)
  try {
    const { accounts, sessions, signInLinks } = createSqliteStores(database)
    const account = await accounts.createAccount({
      login: 'bench',
      name: 'Bench',
      delegation: 'AZ',
      role: 'co-chair',
      isAdmin: false,
      passwordHash: null,
    })
    const { token } = await sessions.createSession({
      userId: account.id,
      kind: 'token',
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    const links: string[] = []
    for (let index = 0; index < signInLinkCount; index += 1) {
      links.push(await signInLinks.createSignInLink(account.id, new Date(Date.now() + 3_600_000)))
    }
    return {
      token,
      signInLink: () => {
        const link = links.shift()
        if (!link) throw new Error(`the benchmark used more than ${signInLinkCount} sign-in links`)
        return link
      },
    }
  } finally {
    database.close()
  }
}

/**
 * Catalogues the documents a scenario opens (visible to everyone) under the names the scenario chose. The API
 * names new documents itself (so clients cannot probe for hidden ones), so this writes to the catalog directly,
 * on a short-lived connection of its own beside the running server, as `signInLink` does.
 */
export class DocumentCreator {
  private readonly created = new Set<string>()

  constructor(private readonly dataDir: string) {}

  async ensure(name: string): Promise<void> {
    if (this.created.has(name)) return
    const database = openSqliteDatabase(this.dataDir)
    try {
      await new SqliteDocumentCatalog(database).ensure({
        name,
        title: name,
        position: 20,
        access: [{ subject: { kind: 'everyone' }, maxRole: 'co-chair' }],
      })
      this.created.add(name)
    } finally {
      database.close()
    }
  }
}
