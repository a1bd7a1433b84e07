import { parseConfig } from '../../server/config.ts'
import { openStores } from '../../server/persistence/openStores.ts'
import { createTokenAccount } from '../../test/helpers/createTokenAccount.ts'

/** Where our server under test keeps its state: a fresh DATA_DIR (SQLite) or a fresh PostgreSQL database. */
export type OurStorage = { dataDir: string } | { databaseUrl: string }

export interface SeededServer {
  /** Personal access token of a co-chair: opens sockets. */
  token: string
  /** One-time browser sign-in link tokens (`/sign-in#link=<token>`), one per browser run. */
  signInLink(): string
  /**
   * Catalogues a document (visible to everyone) under the name the scenario chose. The API names new documents
   * itself (so clients cannot probe for hidden ones), so this writes to the catalog directly, beside the running
   * server. Idempotent; concurrent calls for one name share one write.
   */
  ensureDocument(name: string): Promise<void>
  /** Closes the bench's own connection to the storage; the server's data stays. */
  close(): Promise<void>
}

/**
 * Prepares our server's storage before it starts, through the same stores the server opens (SQLite or
 * PostgreSQL, whichever `storage` names), the way `server/cli/admin.ts add-user` and `token` do: one co-chair
 * account and a personal access token valid for a day, plus `signInLinks` one-time links made up front so that
 * `signInLink` stays synchronous. The connection stays open for `ensureDocument` until `close`.
 */
export async function seedOurServer(storage: OurStorage, signInLinks: number): Promise<SeededServer> {
  const opened = await openStores(
    parseConfig(
      'dataDir' in storage
        ? { DATA_DIR: storage.dataDir }
        : // Two connections: the bench seeds and catalogues one thing at a time, beside the server's own pool.
          { DATABASE_URL: storage.databaseUrl, DATABASE_POOL_SIZE: '2' },
    ),
  )
  try {
    const { catalog, signInLinks: linkStore } = opened.stores
    const { account, token } = await createTokenAccount(opened.stores, {
      login: 'bench',
      name: 'Bench',
      role: 'co-chair',
    })
    const links: string[] = []
    for (let index = 0; index < signInLinks; index += 1) {
      links.push(await linkStore.createSignInLink(account.id, new Date(Date.now() + 3_600_000)))
    }
    const documents = new Map<string, Promise<void>>()
    return {
      token,
      signInLink: () => {
        const link = links.shift()
        if (!link) throw new Error(`the benchmark used more than ${signInLinks} sign-in links`)
        return link
      },
      ensureDocument: (name) => {
        let ensured = documents.get(name)
        if (!ensured) {
          ensured = catalog
            .ensure({
              name,
              title: name,
              position: 20,
              access: [{ subject: { kind: 'everyone' }, maxRole: 'co-chair' }],
            })
            .then(() => undefined)
          documents.set(name, ensured)
          // A failed write is retried by the next call rather than remembered.
          ensured.catch(() => documents.delete(name))
        }
        return ensured
      },
      close: () => opened.close(),
    }
  } catch (error) {
    await opened.close()
    throw error
  }
}
