import type { Delegation } from '../../../shared/roles/index.ts'

/**
 * What the validator must know of whoever sent an update, for the bracket rules: the delegation the session
 * says they belong to, and whether they are a co-chair (who alone may table a joint proposal). It crosses to
 * the validation worker, so it is plain data.
 */
export interface Writer {
  delegation: Delegation | null
  coChair: boolean
}
