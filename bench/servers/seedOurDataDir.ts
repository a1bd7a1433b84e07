import { createSqliteStores } from '../../server/persistence/createSqliteStores.ts'
import { openSqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'

export interface OurCredentials {
  /** Personal access token of a co-chair: creates documents over the API and opens sockets. */
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

/** Creates catalogued documents over the HTTP API (visible to everyone), at most `concurrency` at a time. */
export class DocumentCreator {
  private readonly created = new Map<string, Promise<void>>()
  private inFlight = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly httpOrigin: string,
    private readonly token: string,
    private readonly concurrency = 8,
  ) {}

  ensure(name: string): Promise<void> {
    let done = this.created.get(name)
    if (!done) {
      done = this.create(name)
      this.created.set(name, done)
    }
    return done
  }

  private async create(name: string): Promise<void> {
    if (this.inFlight >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.inFlight++
    try {
      const response = await fetch(`${this.httpOrigin}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, title: name, visibility: 'everyone' }),
      })
      // 409: the document exists already (e.g. created by an earlier call in this run).
      if (!response.ok && response.status !== 409) {
        throw new Error(`POST /api/documents ${name}: ${response.status} ${await response.text()}`)
      }
    } finally {
      this.inFlight--
      this.waiting.shift()?.()
    }
  }
}
