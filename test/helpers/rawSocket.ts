import WebSocket from 'ws'
import { MessageType, SyncMessageType } from '../../shared/protocol/index.ts'
import { eventually } from './eventually.ts'

export interface RawSocket {
  socket: WebSocket
  messages: Uint8Array[]
  /** Resolves with the close code and reason once the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>
  send(data: Uint8Array | string): void
}

/** A bare WebSocket for sending hand-made (or hostile) frames. */
export async function openRawSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<RawSocket> {
  const socket = new WebSocket(url, options)
  const messages: Uint8Array[] = []
  socket.binaryType = 'nodebuffer'
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return { socket, messages, closed, send: (data) => socket.send(data) }
}

/**
 * Resolves once the server has put the socket in its document's room. A socket is open earlier, while its session
 * is still being checked, and an update relayed in that gap never reaches it. The server greets a socket (its sync
 * step 1) right after joining it to the room, so the greeting is the proof.
 */
export async function joinedRoom(socket: RawSocket, options: { timeoutMs?: number } = {}): Promise<void> {
  await eventually(() => {
    if (
      !socket.messages.some(
        (message) => message[0] === MessageType.sync && message[1] === SyncMessageType.step1,
      )
    )
      throw new Error(`no greeting from the server yet (${socket.messages.length} messages)`)
  }, options)
}

/**
 * Asks the room for awareness and waits for the answer. The server answers in order, so once it arrives so has
 * everything the room sent this socket before.
 */
export async function roundTrip(socket: RawSocket): Promise<void> {
  const before = socket.messages.length
  socket.send(new Uint8Array([MessageType.queryAwareness]))
  await eventually(() => {
    if (!socket.messages.slice(before).some((message) => message[0] === MessageType.awareness))
      throw new Error('no answer to the awareness query yet')
  })
}
