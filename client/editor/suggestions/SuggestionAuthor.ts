import type { Delegation } from '../../../shared/roles/index.ts'

/** Who is suggesting in this editor, from the signed-in session; the server checks every field against it. */
export interface SuggestionAuthor {
  /** The account id as a string, as suggestion marks carry it. */
  accountId: string
  name: string
  delegation: Delegation
}
