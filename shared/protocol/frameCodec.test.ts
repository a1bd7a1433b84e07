import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CloseCode } from './CloseCode.ts'
import {
  decodeAwarenessEntries,
  decodeFrame,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeFrame,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type Frame,
} from './frameCodec.ts'
import { MessageType } from './MessageType.ts'
import { ProtocolError } from './ProtocolError.ts'

function sampleDoc(): Y.Doc {
  const ydoc = new Y.Doc()
  ydoc.getText('notes').insert(0, 'hello')
  return ydoc
}

/** The same frame as y-protocols builds it, so our codec is checked against the reference, not against itself. */
function reference(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function protocolErrorOf(run: () => unknown): ProtocolError {
  try {
    run()
  } catch (error) {
    if (error instanceof ProtocolError) return error
    throw error
  }
  throw new Error('expected a ProtocolError')
}

describe('frameCodec', () => {
  const ydoc = sampleDoc()
  const update = Y.encodeStateAsUpdate(ydoc)
  const stateVector = Y.encodeStateVector(ydoc)
  const frames: Frame[] = [
    { type: 'syncStep1', stateVector },
    { type: 'syncStep2', update },
    { type: 'update', update },
    { type: 'awareness', update: encodeAwarenessEntries([{ clientId: 7, clock: 3, state: '{"a":1}' }]) },
    { type: 'permissionDenied', reason: 'read-only' },
    { type: 'queryAwareness' },
  ]

  it.each(frames.map((frame) => [frame.type, frame] as const))('round-trips a %s frame', (_type, frame) => {
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame)
  })

  it('writes the same bytes as y-protocols', () => {
    expect(encodeSyncStep1(stateVector)).toEqual(
      reference((encoder) => {
        encoding.writeVarUint(encoder, MessageType.sync)
        syncProtocol.writeSyncStep1(encoder, ydoc)
      }),
    )
    expect(encodeSyncStep2(update)).toEqual(
      reference((encoder) => {
        encoding.writeVarUint(encoder, MessageType.sync)
        syncProtocol.writeSyncStep2(encoder, ydoc)
      }),
    )
    expect(encodeUpdate(update)).toEqual(
      reference((encoder) => {
        encoding.writeVarUint(encoder, MessageType.sync)
        syncProtocol.writeUpdate(encoder, update)
      }),
    )
    expect(encodePermissionDenied('no')).toEqual(
      reference((encoder) => {
        encoding.writeVarUint(encoder, MessageType.auth)
        authProtocol.writePermissionDenied(encoder, 'no')
      }),
    )
  })

  it('reads awareness entries written by y-protocols', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ cursor: null })
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))
    const decoded = decodeFrame(frame)
    if (decoded.type !== 'awareness') throw new Error(`decoded ${decoded.type}`)
    expect(decodeAwarenessEntries(decoded.update)).toEqual([
      { clientId: awareness.clientID, clock: 1, state: '{"cursor":null}' },
    ])
    awareness.destroy()
  })

  it('refuses every truncation of a valid frame with 4400', () => {
    for (const frame of frames) {
      const bytes = encodeFrame(frame)
      // A query-awareness frame is one byte; its only truncation is the empty frame.
      for (let length = 0; length < bytes.length; length++) {
        const error = protocolErrorOf(() => decodeFrame(bytes.slice(0, length)))
        expect(error.closeCode).toBe(CloseCode.badRequest)
      }
    }
  })

  it('refuses unknown message, sync and auth types', () => {
    expect(protocolErrorOf(() => decodeFrame(Uint8Array.of(9))).message).toBe('unknown message type 9')
    expect(protocolErrorOf(() => decodeFrame(Uint8Array.of(0, 5, 0))).message).toBe(
      'unknown sync message type 5',
    )
    expect(protocolErrorOf(() => decodeFrame(Uint8Array.of(2, 1, 0))).message).toBe(
      'unknown auth message type 1',
    )
  })

  it('refuses trailing bytes after a complete frame', () => {
    for (const frame of frames) {
      const bytes = encodeFrame(frame)
      const error = protocolErrorOf(() => decodeFrame(Uint8Array.of(...bytes, 0)))
      expect(error.message).toBe('trailing bytes after message')
      expect(error.closeCode).toBe(CloseCode.badRequest)
    }
  })

  it('refuses a length that runs past the end of the frame', () => {
    expect(protocolErrorOf(() => decodeFrame(Uint8Array.of(0, 2, 100, 1, 2))).message).toBe(
      'malformed message',
    )
  })

  it('refuses malformed awareness updates and trailing bytes inside them', () => {
    const entries = encodeAwarenessEntries([{ clientId: 1, clock: 1, state: 'null' }])
    expect(decodeAwarenessEntries(entries)).toEqual([{ clientId: 1, clock: 1, state: 'null' }])
    for (const bad of [entries.slice(0, -1), Uint8Array.of(...entries, 0), Uint8Array.of(5, 1)]) {
      expect(protocolErrorOf(() => decodeAwarenessEntries(bad)).message).toBe('malformed awareness update')
    }
  })
})
