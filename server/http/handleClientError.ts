import type { ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { sendRawJson } from './sendRawJson.ts'

/**
 * The http server's `clientError` handler: a request node's parser refused (bad method, bad header, target
 * or header block too long, timeout) gets a JSON 4xx and `Connection: close` instead of a bare reset.
 */
export function handleClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A response already on its way must not get a second status line in the middle of it.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy()
    return
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    sendRawJson(socket, 431, { error: 'headers_too_large', message: 'Request headers too large' })
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    sendRawJson(socket, 408, { error: 'timeout', message: 'Request took too long to arrive' })
  } else {
    sendRawJson(socket, 400, { error: 'bad_request', message: 'Malformed HTTP request' })
  }
}
