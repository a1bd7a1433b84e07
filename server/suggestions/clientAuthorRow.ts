import type { Delegation } from '../../shared/roles/index.ts'
import type { ClientAuthor } from './AuthorshipStore.ts'

/** A row of `client_authors`, the same in SQLite and PostgreSQL (PostgreSQL returns bigint as a string). */
export interface ClientAuthorRow {
  client_id: number | string
  account_id: string
  account_name: string
  delegation: Delegation | null
  first_seen: string
}

export function toClientAuthor(row: ClientAuthorRow): ClientAuthor {
  return {
    clientId: Number(row.client_id),
    accountId: row.account_id,
    name: row.account_name,
    delegation: row.delegation,
    firstSeen: row.first_seen,
  }
}
