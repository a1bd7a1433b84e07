import {
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSyncMessage,
  type SyncMessageType,
} from '../../shared/protocol/index.ts'

/** Frames for tests that speak the protocol without a provider; the bytes come from the shared frame codec. */
export function syncMessage(type: SyncMessageType, payload: Uint8Array): Uint8Array {
  return encodeSyncMessage(type, payload)
}

/** An awareness frame from plain states (serialised to JSON here). */
export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  return encodeAwareness(
    encodeAwarenessEntries(entries.map((entry) => ({ ...entry, state: JSON.stringify(entry.state) }))),
  )
}
