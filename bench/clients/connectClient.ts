import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ClientKind, ConnectionInfo } from '../servers/ServerUnderTest.ts'
import { countingWebSocket, type SocketCounter } from './countingWebSocket.ts'

/**
 * Every scenario edits the text of the document's first paragraph, in the XML fragment the editor uses
 * (`default`): the structure Charter Desk's schema validation accepts. A bare root `Y.Text` is refused by ours
 * (unexpected root), so since validation landed every edit of the old bench was refused and its connection
 * closed. The peers get exactly the same edits.
 */
export const benchFragmentName = 'default'

/** The first paragraph's text, or null while the document has none. */
function existingText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(benchFragmentName).get(0)
  if (!(paragraph instanceof Y.XmlElement)) return null
  const text = paragraph.get(0)
  return text instanceof Y.XmlText ? text : null
}

/** The first paragraph's text, creating the paragraph if the document is still empty (writers only). */
function writableText(doc: Y.Doc): Y.XmlText {
  const existing = existingText(doc)
  if (existing) return existing
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  doc.getXmlFragment(benchFragmentName).insert(0, [paragraph])
  return text
}

export interface BenchClient {
  doc: Y.Doc
  /** The text to edit; reading it creates the first paragraph if there is none yet, so only writers do. */
  readonly text: Y.XmlText
  /** The first paragraph's text as a string ('' if there is none), for convergence checks. */
  textContent(): string
  textLength(): number
  /** Resolves on the first completed sync with the server. */
  synced: Promise<void>
  bytesReceived(): number
  /** Bytes queued in the socket but not yet handed to the kernel; the replay uses it for back-pressure. */
  bufferedAmount(): number
  destroy(): void
}

type DomWebSocketClass = typeof globalThis.WebSocket

/**
 * Built as one object literal so `text` stays a getter: spreading an object with a getter copies its value, and
 * every client (followers too) would then create a paragraph of its own before syncing.
 */
function benchClient(
  doc: Y.Doc,
  counter: SocketCounter,
  connection: { synced: Promise<void>; destroy(): void },
): BenchClient {
  return {
    doc,
    get text() {
      return writableText(doc)
    },
    textContent: () => existingText(doc)?.toString() ?? '',
    textLength: () => existingText(doc)?.length ?? 0,
    bytesReceived: () => counter.bytesReceived,
    bufferedAmount: () => counter.current?.bufferedAmount ?? 0,
    synced: connection.synced,
    destroy: () => connection.destroy(),
  }
}

export function connectClient(kind: ClientKind, info: ConnectionInfo): BenchClient {
  const doc = new Y.Doc()
  const counter: SocketCounter = { bytesReceived: 0, current: undefined }
  // The providers are typed against the DOM WebSocket; `ws` implements the same surface they use.
  const WebSocketPolyfill = countingWebSocket(info.headers, counter) as unknown as DomWebSocketClass
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
    return benchClient(doc, counter, {
      synced,
      destroy() {
        provider.destroy()
        doc.destroy()
      },
    })
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
  return benchClient(doc, counter, {
    synced,
    destroy() {
      provider.destroy()
      socket.destroy()
      doc.destroy()
    },
  })
}
