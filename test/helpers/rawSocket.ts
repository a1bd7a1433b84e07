import WebSocket from 'ws'

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
