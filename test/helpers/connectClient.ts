import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { scratchText } from './charterText.ts'
import { eventually } from './eventually.ts'

export interface TestClient {
  ydoc: Y.Doc
  provider: WebsocketProvider
  /** Shared text in a paragraph of the document (see scratchText); created on first use. */
  readonly text: Y.XmlText
  destroy(): void
}

/** A stock y-websocket client (as any third-party integration would use), connected and synced. */
export async function connectClient(
  wsBaseUrl: string,
  documentName: string,
  options: { ydoc?: Y.Doc; waitForSync?: boolean; params?: Record<string, string> } = {},
): Promise<TestClient> {
  const ydoc = options.ydoc ?? new Y.Doc()
  const provider = new WebsocketProvider(wsBaseUrl, documentName, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.params ?? {},
    maxBackoffTime: 200,
  })
  if (options.waitForSync !== false) await eventually(() => expectSynced(provider), { timeoutMs: 10_000 })
  return {
    ydoc,
    provider,
    get text() {
      return scratchText(ydoc)
    },
    destroy: () => {
      provider.destroy()
      ydoc.destroy()
    },
  }
}

function expectSynced(provider: WebsocketProvider): void {
  if (!provider.synced) throw new Error('not synced yet')
}
