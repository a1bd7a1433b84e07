import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  type AwarenessEntry,
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  MessageType,
  SyncMessageType,
} from '../../shared/protocol/index.ts'
import { afterNextPaint } from './afterNextPaint.ts'

type MessageHandler = WebsocketProvider['messageHandlers'][number]

/** A hidden tab gets no animation frames: its changes are applied after at most this long instead. */
const hiddenDelayMs = 100

/**
 * Applies collaborators' changes (from the server or another tab) once per frame, all of a frame's
 * document updates in one Yjs transaction and their presence merged into one awareness update. With twenty
 * typists that is ~100 changes and ~100 caret moves a second; one by one, each was a ProseMirror transaction, a
 * DOM update and a decoration pass, and the user's own keystrokes queued behind them. Holding a change until
 * the next frame is the same as the network delivering it a few milliseconds later, which Yjs is made for: the
 * user's own edits are applied at once, against what the screen shows. Returns a flush for the session's end.
 */
export function coalesceRemoteChanges(provider: WebsocketProvider): () => void {
  const { doc, awareness } = provider
  const syncHandler = provider.messageHandlers[MessageType.sync] as MessageHandler
  let updates: Uint8Array[] = []
  let presence = new Map<number, AwarenessEntry>()
  let timer: ReturnType<typeof setTimeout> | null = null

  const flush = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    const batch = updates
    updates = []
    if (batch.length > 0) {
      Y.transact(
        doc,
        () => {
          for (const update of batch) {
            try {
              Y.applyUpdate(doc, update, provider)
            } catch (error) {
              console.error('a collaborator’s change could not be applied', error)
            }
          }
        },
        provider,
      )
    }
    if (presence.size > 0) {
      const entries = [...presence.values()]
      presence = new Map()
      awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessEntries(entries), provider)
    }
  }
  const schedule = () => {
    if (timer !== null) return
    timer = setTimeout(flush, hiddenDelayMs)
    // Just after the next frame is painted, not inside it: a keystroke typed meanwhile paints without waiting
    // for the collaborators' batch. (A later flush finding nothing queued does nothing.)
    afterNextPaint(flush)
  }

  provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
    const start = decoder.pos
    if (decoding.readVarUint(decoder) !== SyncMessageType.update) {
      // The handshake is answered at once: its reply is built from the document as it stands.
      decoder.pos = start
      syncHandler(encoder, decoder, ...rest)
      return
    }
    updates.push(decoding.readVarUint8Array(decoder))
    schedule()
  }
  provider.messageHandlers[MessageType.awareness] = (_encoder, decoder) => {
    for (const entry of decodeAwarenessEntries(decoding.readVarUint8Array(decoder))) {
      const held = presence.get(entry.clientId)
      // y-protocols keeps the higher clock, and at an equal clock a removal: so does the merge.
      if (!held || entry.clock > held.clock || (entry.clock === held.clock && entry.state === 'null'))
        presence.set(entry.clientId, entry)
    }
    schedule()
  }
  // y-websocket sends on every awareness change, collaborators' too: each caret move came back to the server from
  // every member (N² messages for N people, which the server drops: a member publishes only its own ids), and
  // went to the other tabs, which have their own socket. Only this client's own presence goes out.
  const sendAwareness = provider._awarenessUpdateHandler
  awareness.off('update', sendAwareness)
  provider._awarenessUpdateHandler = (changes, origin) => {
    if (origin !== provider) sendAwareness(changes, origin)
  }
  awareness.on('update', provider._awarenessUpdateHandler)
  // y-websocket drops everyone's presence when the connection closes: what arrived before must not return after.
  provider.on('connection-close', flush)
  return flush
}
