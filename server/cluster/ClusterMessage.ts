/**
 * What instances tell each other. Every message names the instance that sent it, so an instance ignores its own.
 * None of it is the truth: updates are already committed in the database when they are announced, so a message
 * that never arrives only delays a remote edit until gap repair reads it from the store.
 */
export type ClusterMessage =
  /**
   * Updates committed to a document's log (any sync document: the text, `<doc>--threads` and every other
   * server-written channel), in log order, the first at sequence number `firstSeq`, the rest following it.
   */
  | {
      readonly kind: 'updates'
      readonly instanceId: string
      readonly documentName: string
      readonly firstSeq: number
      readonly updates: readonly Uint8Array[]
    }
  /** An awareness update (presence, carets) of a document; ephemeral, never stored. */
  | {
      readonly kind: 'awareness'
      readonly instanceId: string
      readonly documentName: string
      readonly update: Uint8Array
    }
  /**
   * Sessions, roles or access rules changed (a revocation, a disabled account, a new role): every instance
   * re-checks its open sockets now instead of at its next periodic re-check.
   */
  | { readonly kind: 'access'; readonly instanceId: string }
