import { WebSocket } from 'ws'
import type { Logger } from '../logging/Logger.ts'

/** Closes a socket that may not go on (a limit, authentication), logging why; a no-op once it is closing. */
export function refuseSocket(webSocket: WebSocket, closeCode: number, reason: string, logger: Logger): void {
  logger.info('connection refused', { closeCode, reason })
  if (webSocket.readyState === WebSocket.OPEN || webSocket.readyState === WebSocket.CONNECTING) {
    webSocket.close(closeCode, reason)
  }
}
