import type { AuthorshipStore, ClientAuthor, TextDeletion } from './AuthorshipStore.ts'

/** Client authors in process memory, for tests. */
export class MemoryAuthorshipStore implements AuthorshipStore {
  readonly exclusive: boolean = true
  private readonly byDocument = new Map<string, Map<number, ClientAuthor>>()
  private readonly deletions = new Map<string, TextDeletion[]>()

  async recordDeletions(documentName: string, deletions: readonly TextDeletion[]): Promise<void> {
    const list = this.deletions.get(documentName) ?? []
    list.push(...deletions.map((deletion) => ({ ...deletion })))
    this.deletions.set(documentName, list)
  }

  async listDeletions(documentName: string): Promise<TextDeletion[]> {
    return (this.deletions.get(documentName) ?? []).map((deletion) => ({ ...deletion }))
  }

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
    return [...(this.byDocument.get(documentName)?.values() ?? [])]
      .sort((a, b) => a.clientId - b.clientId)
      .map((author) => ({ ...author }))
  }
}
