import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from '../logging/Logger.ts'
import { HttpError } from './HttpError.ts'
import { parseRequestTarget } from './parseRequestTarget.ts'
import { sendRawJson } from './sendRawJson.ts'

/** Whoever takes WebSocket upgrades (the sync server); false if the path is not theirs. */
export interface UpgradeTarget {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean
}

/**
 * The http server's `upgrade` listener. A target `parseRequestTarget` refuses gets its 4xx as a refused
 * handshake; whatever else throws is a logged 500 for that socket alone.
 */
export function createUpgradeHandler(
  target: UpgradeTarget,
  logger: Logger,
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    // Node hands over upgrade sockets without an error listener: a peer's reset would be an uncaught error.
    socket.on('error', (error) => logger.debug('upgrade socket error', { error }))
    try {
      parseRequestTarget(request.url)
      if (!target.handleUpgrade(request, socket, head)) {
        sendRawJson(socket, 404, { error: 'not_found', message: 'No WebSocket endpoint here' })
      }
    } catch (error) {
      if (error instanceof HttpError) {
        sendRawJson(socket, error.status, { error: error.code, message: error.message })
        return
      }
      // The path only: the query may carry an access token (`?token=`), which must never reach a log.
      logger.error('upgrade failed', { path: request.url?.split('?')[0]?.slice(0, 200), error })
      sendRawJson(socket, 500, { error: 'internal', message: 'Internal error' })
    }
  }
}
