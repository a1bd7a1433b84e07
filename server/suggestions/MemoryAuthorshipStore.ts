import type { AuthorshipStore, ClientAuthor } from './AuthorshipStore.ts'

/** Client authors in process memory, for tests. */
export class MemoryAuthorshipStore implements AuthorshipStore {
  private readonly byDocument = new Map<string, Map<number, ClientAuthor>>()

  async record(documentName: string, authors: readonly ClientAuthor[]): Promise<ClientAuthor[]> {
    let known = this.byDocument.get(documentName)
    if (!known) {
      known = new Map()
      this.byDocument.set(documentName, known)
    }
    const stored: ClientAuthor[] = []
    for (const author of authors) {
      const existing = known.get(author.clientId) ?? { ...author }
      known.set(author.clientId, existing)
      stored.push({ ...existing })
    }
    return stored
  }

  async list(documentName: string): Promise<ClientAuthor[]> {
    return [...(this.byDocument.get(documentName)?.values() ?? [])].map((author) => ({ ...author }))
  }
}
