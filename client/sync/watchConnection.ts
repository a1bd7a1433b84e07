import type { WebsocketProvider } from 'y-websocket'
import { encodeQueryAwareness } from '../../shared/protocol/index.ts'

/** How often the client asks the server for a sign of life, and how long silence may last before it gives up. */
export const heartbeatIntervalMs = 2000
export const heartbeatDeadlineMs = 4500

/**
 * Notices a lost network within seconds instead of y-websocket's 30 s message timeout: the browser's
 * offline/online events act at once, and an application heartbeat (a query-awareness frame every 2 s, which the
 * server answers with the room's awareness) closes a socket that has been silent for 4.5 s, e.g. when Wi-Fi
 * stays "connected" but nothing gets through. `onChange` runs whenever the browser's online state flips.
 */
export function watchConnection(provider: WebsocketProvider, onChange: () => void): () => void {
  const onOffline = () => {
    provider.ws?.close()
    onChange()
  }
  // Back online: reconnect now rather than at the end of the provider's backoff.
  const onOnline = () => {
    if (!provider.wsconnected) {
      provider.disconnect()
      provider.connect()
    }
    onChange()
  }
  const timer = setInterval(() => {
    const socket = provider.ws
    if (!socket || !provider.wsconnected || socket.readyState !== WebSocket.OPEN) return
    if (Date.now() - provider.wsLastMessageReceived > heartbeatDeadlineMs) {
      socket.close()
      onChange()
      return
    }
    socket.send(encodeQueryAwareness())
  }, heartbeatIntervalMs)
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  return () => {
    clearInterval(timer)
    window.removeEventListener('offline', onOffline)
    window.removeEventListener('online', onOnline)
  }
}
