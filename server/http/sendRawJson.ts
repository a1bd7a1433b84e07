import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'

/** How long a refused socket may stay half-open waiting for the peer to close its side. */
const closeGraceMs = 5000

/**
 * Answers on a bare socket (a refused upgrade or CONNECT, a request the HTTP parser rejected) with the
 * API's JSON error shape, then closes the connection.
 */
export function sendRawJson(socket: Duplex, status: number, body: { error: string; message: string }): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const payload = JSON.stringify(body)
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(payload)}`,
      'Cache-Control: no-store',
      'Connection: close',
      '',
      payload,
    ].join('\r\n'),
  )
  setTimeout(() => socket.destroy(), closeGraceMs).unref()
}
