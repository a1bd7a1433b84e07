import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  decodeFrame,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSyncStep1,
  encodeUpdate,
} from '../../shared/protocol/index.ts'
import { coalesceRemoteChanges } from './coalesceRemoteChanges.ts'

/** Hands a frame to the provider the way its socket does; returns the reply it would send. */
function deliver(provider: WebsocketProvider, frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  const encoder = encoding.createEncoder()
  provider.messageHandlers[type]?.(encoder, decoder, provider, true, type)
  return encoding.toUint8Array(encoder)
}

describe('coalesceRemoteChanges', () => {
  let provider: WebsocketProvider
  let doc: Y.Doc
  beforeEach(() => {
    vi.useFakeTimers()
    doc = new Y.Doc()
    provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    })
  })
  afterEach(() => {
    provider.destroy()
    doc.destroy()
    vi.useRealTimers()
  })

  it('applies the collaborators’ updates of one frame in one transaction, and none before', () => {
    const flush = coalesceRemoteChanges(provider)
    const remote = new Y.Doc()
    const frames: Uint8Array[] = []
    remote.on('update', (update: Uint8Array) => frames.push(encodeUpdate(update)))
    for (const word of ['one ', 'two ', 'three ']) remote.getText('t').insert(0, word)
    const transactions: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => transactions.push(transaction.origin))
    for (const frame of frames) expect(deliver(provider, frame)).toHaveLength(0)
    expect(doc.getText('t').toString()).toBe('')
    vi.advanceTimersByTime(150)
    expect(doc.getText('t').toString()).toBe('three two one ')
    expect(transactions).toEqual([provider])
    flush()
    expect(transactions).toHaveLength(1)
  })

  it('answers the handshake at once, from the document as it stands', () => {
    coalesceRemoteChanges(provider)
    doc.getText('t').insert(0, 'mine')
    const reply = decodeFrame(deliver(provider, encodeSyncStep1(Uint8Array.of(0))))
    expect(reply.type).toBe('syncStep2')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, (reply as { update: Uint8Array }).update)
    expect(copy.getText('t').toString()).toBe('mine')
  })

  it('merges a frame’s presence into one change, keeping the latest state and a removal', () => {
    coalesceRemoteChanges(provider)
    const changes: { added: number[]; updated: number[]; removed: number[] }[] = []
    provider.awareness.on('change', (change: (typeof changes)[number]) => changes.push(change))
    const entries = (clientId: number, clock: number, state: unknown) =>
      encodeAwareness(encodeAwarenessEntries([{ clientId, clock, state: JSON.stringify(state) }]))
    deliver(provider, entries(7, 1, { cursor: 1 }))
    deliver(provider, entries(7, 3, { cursor: 3 }))
    deliver(provider, entries(7, 2, { cursor: 2 }))
    deliver(provider, entries(8, 1, { cursor: 9 }))
    deliver(provider, entries(8, 1, null))
    expect(changes).toEqual([])
    vi.advanceTimersByTime(150)
    expect(changes).toEqual([{ added: [7], updated: [], removed: [] }])
    expect(provider.awareness.getStates().get(7)).toEqual({ cursor: 3 })
    expect(provider.awareness.getStates().has(8)).toBe(false)
  })

  it('sends this client’s presence, never a collaborator’s back', () => {
    coalesceRemoteChanges(provider)
    const sent: Uint8Array[] = []
    const socket = { readyState: 1, OPEN: 1, send: (frame: Uint8Array) => sent.push(frame) }
    Object.assign(provider, { ws: socket, wsconnected: true })
    deliver(
      provider,
      encodeAwareness(encodeAwarenessEntries([{ clientId: 7, clock: 1, state: '{"cursor":1}' }])),
    )
    vi.advanceTimersByTime(150)
    expect(provider.awareness.getStates().get(7)).toEqual({ cursor: 1 })
    expect(sent).toEqual([])
    provider.awareness.setLocalStateField('cursor', 2)
    expect(sent.map((frame) => decodeFrame(frame).type)).toEqual(['awareness'])
    Object.assign(provider, { ws: null, wsconnected: false })
  })

  it('applies what arrived before the connection closed, so the provider’s clearing of presence holds', () => {
    coalesceRemoteChanges(provider)
    const remote = new Y.Doc()
    remote.getText('t').insert(0, 'kept')
    deliver(provider, encodeUpdate(Y.encodeStateAsUpdate(remote)))
    deliver(provider, encodeAwareness(encodeAwarenessEntries([{ clientId: 7, clock: 1, state: '{}' }])))
    provider.emit('connection-close', [null, provider])
    expect(doc.getText('t').toString()).toBe('kept')
    // What y-websocket does next on a close: everyone else's presence goes, and nothing held brings it back.
    awarenessProtocol.removeAwarenessStates(provider.awareness, [7], provider)
    vi.advanceTimersByTime(150)
    expect(provider.awareness.getStates().has(7)).toBe(false)
  })
})
