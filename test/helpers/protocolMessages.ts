import * as encoding from 'lib0/encoding'
import { MessageType, type SyncMessageType } from '../../shared/protocol/index.ts'

/** Hand-built y-websocket frames, for tests that speak the protocol without a provider. */
export function syncMessage(
  type: (typeof SyncMessageType)[keyof typeof SyncMessageType],
  payload: Uint8Array,
) {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId)
    encoding.writeVarUint(update, entry.clock)
    encoding.writeVarString(update, JSON.stringify(entry.state))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}
