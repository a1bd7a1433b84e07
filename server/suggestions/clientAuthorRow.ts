import type { Delegation } from '../../shared/roles/index.ts'
import type { ClientAuthor, TextDeletion } from './AuthorshipStore.ts'

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

/** A row of `text_deletions` (PostgreSQL returns bigint as a string). */
export interface TextDeletionRow {
  client_id: number | string
  clock: number | string
  length: number | string
  account_id: string
  account_name: string
  delegation: Delegation | null
  at: string
}

export function toTextDeletion(row: TextDeletionRow): TextDeletion {
  return {
    client: Number(row.client_id),
    clock: Number(row.clock),
    length: Number(row.length),
    accountId: row.account_id,
    name: row.account_name,
    delegation: row.delegation,
    at: row.at,
  }
}
