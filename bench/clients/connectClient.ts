import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ClientKind, ConnectionInfo } from '../servers/ServerUnderTest.ts'
import { countingWebSocket, type SocketCounter } from './countingWebSocket.ts'

/** The shared type every scenario edits; plain Y.Text keeps client-side cost low and comparable. */
export const benchTextName = 'bench'

export interface BenchClient {
  doc: Y.Doc
  text: Y.Text
  /** Resolves on the first completed sync with the server. */
  synced: Promise<void>
  bytesReceived(): number
  /** Bytes queued in the socket but not yet handed to the kernel; the replay uses it for back-pressure. */
  bufferedAmount(): number
  destroy(): void
}

type DomWebSocketClass = typeof globalThis.WebSocket

export function connectClient(kind: ClientKind, info: ConnectionInfo): BenchClient {
  const doc = new Y.Doc()
  const text = doc.getText(benchTextName)
  const counter: SocketCounter = { bytesReceived: 0, current: undefined }
  // The providers are typed against the DOM WebSocket; `ws` implements the same surface they use.
  const WebSocketPolyfill = countingWebSocket(info.headers, counter) as unknown as DomWebSocketClass
  const common = {
    doc,
    text,
    bytesReceived: () => counter.bytesReceived,
    bufferedAmount: () => counter.current?.bufferedAmount ?? 0,
  }

  if (kind === 'y-websocket') {
    const slash = info.url.lastIndexOf('/')
    const provider = new WebsocketProvider(info.url.slice(0, slash), info.url.slice(slash + 1), doc, {
      WebSocketPolyfill,
      disableBc: true,
      params: info.params ?? {},
    })
    const synced = new Promise<void>((resolve) => {
      const onSync = (isSynced: boolean): void => {
        if (!isSynced) return
        provider.off('sync', onSync)
        resolve()
      }
      provider.on('sync', onSync)
    })
    return {
      ...common,
      synced,
      destroy() {
        provider.destroy()
        doc.destroy()
      },
    }
  }

  const query = info.params ? `?${new URLSearchParams(info.params).toString()}` : ''
  const socket = new HocuspocusProviderWebsocket({ url: `${info.url}${query}`, WebSocketPolyfill })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: info.documentName,
    document: doc,
  })
  const synced = new Promise<void>((resolve) => {
    const onSynced = ({ state }: { state: boolean }): void => {
      if (!state) return
      provider.off('synced', onSynced)
      resolve()
    }
    provider.on('synced', onSynced)
  })
  // With an explicit websocketProvider the provider does not manage the socket, so it must be attached.
  provider.attach()
  return {
    ...common,
    synced,
    destroy() {
      provider.destroy()
      socket.destroy()
      doc.destroy()
    },
  }
}
