import WebSocket from 'ws'

export interface SocketCounter {
  bytesReceived: number
  /** The socket the provider opened most recently; providers replace it on reconnect. */
  current: WebSocket | undefined
}

function byteLength(data: WebSocket.RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  return data.byteLength
}

/**
 * A `ws` WebSocket class for the providers' `WebSocketPolyfill` option that adds upgrade headers (browsers
 * cannot, but our server's auth may want them) and counts received payload bytes for the cold-load metric.
 */
export function countingWebSocket(
  headers: Record<string, string> | undefined,
  counter: SocketCounter,
): new (
  address: string | URL,
  protocols?: string | string[],
) => WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, headers ? { headers } : {})
      counter.current = this
      this.on('message', (data: WebSocket.RawData) => {
        counter.bytesReceived += byteLength(data)
      })
    }
  }
}
