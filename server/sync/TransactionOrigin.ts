import type { RoomMember } from './RoomMember.ts'

/**
 * Who made a change to a room's document. Yjs hands the origin to every `update` listener; the room uses it to
 * skip the author when broadcasting, to keep replayed history quiet and to refuse the later updates of a client
 * whose update failed to store. Only the room transacts on its document, so every origin it sees is one of these,
 * or null for a follow-up transaction Yjs starts on its own (Y.Text formatting cleanup), which goes to everyone.
 */
export type TransactionOrigin =
  /** A client connection; each connection keeps one such object for its lifetime (compared by identity). */
  | { readonly kind: 'client'; readonly member: RoomMember }
  /** The server itself: the initial template, comments, restores. Stored and broadcast like a client's. */
  | { readonly kind: 'server' }
  /** History replayed from the store while loading; never broadcast. */
  | { readonly kind: 'store' }
  /** Committed by another instance and relayed to this one (see server/cluster): broadcast, never re-published. */
  | { readonly kind: 'remote' }
  /** Several origins applied in one Yjs transaction (a group commit); broadcast to every member. */
  | { readonly kind: 'batch' }

export const TransactionOrigin = {
  client: (member: RoomMember): TransactionOrigin => ({ kind: 'client', member }),
  server: { kind: 'server' } satisfies TransactionOrigin,
  store: { kind: 'store' } satisfies TransactionOrigin,
  batch: { kind: 'batch' } satisfies TransactionOrigin,
  remote: { kind: 'remote' } satisfies TransactionOrigin,
} as const
