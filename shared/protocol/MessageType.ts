/**
 * First varint of every WebSocket frame, as defined by the standard y-websocket protocol.
 * See PROTOCOL.md for the byte layout of each message.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Second varint of a `sync` message (y-protocols/sync). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType]
