import type { ClientIdClaims, DeletedRange } from '../sync/ClientIdClaims.ts'
import type { Principal } from '../sync/Principal.ts'
import type { AuthorshipStore, ClientAuthor } from './AuthorshipStore.ts'

/** How many documents' owners stay cached; a document's ids are read again from the store after eviction. */
const cachedDocuments = 200

/**
 * The sync server's record of client id authors and deleters over an `AuthorshipStore`: known owners are cached
 * per document, so a connection's every keystroke costs a map lookup; only a new id, or a deletion, costs a
 * store write.
 */
export class ClientAuthorship implements ClientIdClaims {
  private readonly owners = new Map<string, Map<number, string>>()

  constructor(
    private readonly store: AuthorshipStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  recordDeletions(
    documentName: string,
    principal: Principal,
    deletions: readonly DeletedRange[],
  ): Promise<void> {
    if (deletions.length === 0) return Promise.resolve()
    const at = this.now().toISOString()
    return this.store.recordDeletions(
      documentName,
      deletions.map((range) => ({
        ...range,
        accountId: principal.userId,
        name: principal.name,
        delegation: principal.delegation,
        at,
      })),
    )
  }

  async claim(
    documentName: string,
    principal: Principal,
    clientIds: readonly number[],
  ): Promise<string | null> {
    if (clientIds.length === 0) return null
    const owners = await this.ownersOf(documentName)
    const unknown: ClientAuthor[] = []
    for (const clientId of clientIds) {
      const owner = owners.get(clientId)
      if (owner === undefined)
        unknown.push({
          clientId,
          accountId: principal.userId,
          name: principal.name,
          delegation: principal.delegation,
          firstSeen: this.now().toISOString(),
        })
      else if (owner !== principal.userId) return `client id ${clientId} belongs to another author`
    }
    if (unknown.length === 0) return null
    const stored = await this.store.record(documentName, unknown)
    for (const author of stored) owners.set(author.clientId, author.accountId)
    const taken = stored.find((author) => author.accountId !== principal.userId)
    return taken ? `client id ${taken.clientId} belongs to another author` : null
  }

  private async ownersOf(documentName: string): Promise<Map<number, string>> {
    const cached = this.owners.get(documentName)
    if (cached) return cached
    const owners = new Map<number, string>()
    for (const author of await this.store.list(documentName)) owners.set(author.clientId, author.accountId)
    if (this.owners.size >= cachedDocuments) {
      const oldest = this.owners.keys().next().value
      if (oldest !== undefined) this.owners.delete(oldest)
    }
    this.owners.set(documentName, owners)
    return owners
  }
}
