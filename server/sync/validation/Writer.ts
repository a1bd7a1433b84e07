import type { Delegation } from '../../../shared/roles/index.ts'

/**
 * What the validator must know of whoever sent an update, for the bracket and suggestion rules: the delegation
 * the session says they belong to, whether they are a co-chair (who alone may table a joint proposal), and who
 * they are (suggestions must name their author). It crosses to
 * the validation worker, so it is plain data.
 */
export interface Writer {
  delegation: Delegation | null
  coChair: boolean
  /** The account id (a principal's user id), which suggestion marks must name as their author. */
  accountId?: string | null
  /** The account's display name, which suggestion marks must carry. */
  name?: string | null
  /** The document lets this writer change the text only through suggestions (see findSuggestionViolation). */
  mustSuggest?: boolean
}
