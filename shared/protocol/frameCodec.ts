import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType, SyncMessageType } from './MessageType.ts'
import { ProtocolError } from './ProtocolError.ts'

/**
 * The y-websocket frames of PROTOCOL.md, encoded and decoded in one place: every frame the server, the client,
 * the tests and the bench send is built here. Pure: no sockets, no Y.Doc.
 */

/** One decoded frame. `syncStep2` and `update` carry the same payload (a Yjs update) but mean different things. */
export type Frame =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'permissionDenied'; reason: string }
  | { type: 'queryAwareness' }

/** One entry of an awareness update (y-protocols/awareness); `state` is JSON text, `"null"` for "gone". */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: string
}

/** The `auth` message's only subtype (y-protocols/auth). */
const permissionDenied = 0

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A `sync` frame of any subtype; prefer the named encoders below. */
export function encodeSyncMessage(syncType: SyncMessageType, payload: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, syncType)
    encoding.writeVarUint8Array(encoder, payload)
  })
}

/** "Here is what I have": asks the other side for everything missing from `stateVector`. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSyncMessage(SyncMessageType.step1, stateVector)
}

/** The answer to a step 1: everything the asker lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SyncMessageType.step2, update)
}

/** A change made after the handshake. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SyncMessageType.update, update)
}

/** Wraps an awareness update (as made by y-protocols' `encodeAwarenessUpdate` or `encodeAwarenessEntries`). */
export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, awarenessUpdate)
  })
}

export function encodeQueryAwareness(): Uint8Array {
  return frame((encoder) => encoding.writeVarUint(encoder, MessageType.queryAwareness))
}

/** Server → client: the last update was refused (a read-only role); the connection stays open. */
export function encodePermissionDenied(reason: string): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.auth)
    encoding.writeVarUint(encoder, permissionDenied)
    encoding.writeVarString(encoder, reason)
  })
}

/** Encodes any frame; `decodeFrame(encodeFrame(frame))` gives `frame` back. */
export function encodeFrame(message: Frame): Uint8Array {
  switch (message.type) {
    case 'syncStep1':
      return encodeSyncStep1(message.stateVector)
    case 'syncStep2':
      return encodeSyncStep2(message.update)
    case 'update':
      return encodeUpdate(message.update)
    case 'awareness':
      return encodeAwareness(message.update)
    case 'permissionDenied':
      return encodePermissionDenied(message.reason)
    case 'queryAwareness':
      return encodeQueryAwareness()
  }
}

/**
 * Decodes one frame. Anything malformed (truncated, a length past the end, an unknown type or subtype, bytes
 * after the message) throws a `ProtocolError` with close code 4400.
 */
export function decodeFrame(data: Uint8Array): Frame {
  let message: Frame
  const decoder = decoding.createDecoder(data)
  try {
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.sync) {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === SyncMessageType.step1) message = { type: 'syncStep1', stateVector: payload }
      else if (syncType === SyncMessageType.step2) message = { type: 'syncStep2', update: payload }
      else if (syncType === SyncMessageType.update) message = { type: 'update', update: payload }
      else throw new ProtocolError(`unknown sync message type ${syncType}`)
    } else if (type === MessageType.awareness) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    } else if (type === MessageType.queryAwareness) {
      message = { type: 'queryAwareness' }
    } else if (type === MessageType.auth) {
      const authType = decoding.readVarUint(decoder)
      if (authType !== permissionDenied) throw new ProtocolError(`unknown auth message type ${authType}`)
      message = { type: 'permissionDenied', reason: decoding.readVarString(decoder) }
    } else throw new ProtocolError(`unknown message type ${type}`)
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformed message')
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
  return message
}

/** An awareness update from entries whose states are already JSON text. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, entries.length)
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarString(encoder, entry.state)
    }
  })
}

/** Splits an awareness update into its entries; malformed or trailing bytes throw a `ProtocolError` (4400). */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const entries: AwarenessEntry[] = []
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      entries.push({ clientId, clock, state: decoding.readVarString(decoder) })
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
  return entries
}
