import type { ClaimDecision, ClientIdClaims, DeletedRange } from '../sync/ClientIdClaims.ts'
import type { Principal } from '../sync/Principal.ts'
import type { AuthorshipStore, ClientAuthor } from './AuthorshipStore.ts'

/** How many documents' owners stay cached; a document's ids are read again from the store after eviction. */
const cachedDocuments = 200

const decided = (refusal: string | null): ClaimDecision => ({ refusal, recorded: Promise.resolve() })

/**
 * The sync server's record of client id authors and deleters over an `AuthorshipStore`: known owners are cached
 * per document, so a connection's every keystroke costs a map lookup; only a new id, or a deletion, costs a
 * store write. Over an exclusive store the cache is the whole truth, so a new id is decided at once and held for
 * its author while its write runs; elsewhere the store's answer decides.
 */
export class ClientAuthorship implements ClientIdClaims {
  private readonly owners = new Map<string, Map<number, string>>()
  /** Documents with ids held in the cache whose write is still running: never evicted, or the hold is lost. */
  private readonly writing = new Map<string, number>()

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
  ): Promise<ClaimDecision> {
    if (clientIds.length === 0) return decided(null)
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
      else if (owner !== principal.userId) return decided(`client id ${clientId} belongs to another author`)
    }
    if (unknown.length === 0) return decided(null)
    if (!this.store.exclusive) {
      const stored = await this.store.record(documentName, unknown)
      for (const author of stored) owners.set(author.clientId, author.accountId)
      const taken = stored.find((author) => author.accountId !== principal.userId)
      return decided(taken ? `client id ${taken.clientId} belongs to another author` : null)
    }
    for (const author of unknown) owners.set(author.clientId, author.accountId)
    this.writing.set(documentName, (this.writing.get(documentName) ?? 0) + 1)
    const recorded = this.store.record(documentName, unknown).then(
      (stored) => {
        const taken = stored.find((author) => author.accountId !== principal.userId)
        // Unreachable while every write goes through this cache; said loudly should that ever change.
        if (taken) throw new Error(`client id ${taken.clientId} was recorded for another author meanwhile`)
      },
      (error: unknown) => {
        // Not durable: released, so the author's next update claims the ids again.
        for (const author of unknown) owners.delete(author.clientId)
        throw error
      },
    )
    const release = (): void => {
      const left = (this.writing.get(documentName) ?? 1) - 1
      if (left > 0) this.writing.set(documentName, left)
      else this.writing.delete(documentName)
    }
    recorded.then(release, release)
    return { refusal: null, recorded }
  }

  private async ownersOf(documentName: string): Promise<Map<number, string>> {
    const cached = this.owners.get(documentName)
    if (cached) return cached
    const owners = new Map<number, string>()
    const listed = await this.store.list(documentName)
    // Another claim may have cached the document, and held ids in it, while this one read.
    const cachedMeanwhile = this.owners.get(documentName)
    if (cachedMeanwhile) return cachedMeanwhile
    for (const author of listed) owners.set(author.clientId, author.accountId)
    if (this.owners.size >= cachedDocuments) {
      for (const oldest of this.owners.keys()) {
        if (this.writing.has(oldest)) continue
        this.owners.delete(oldest)
        break
      }
    }
    this.owners.set(documentName, owners)
    return owners
  }
}
