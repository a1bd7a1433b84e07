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
  // Each provider adds a process 'exit' listener (to drop its awareness state when a real app quits); tests
  // hold dozens of providers at once, so that was a MaxListenersExceededWarning. A test process has nobody to
  // tell, so the listener goes; destroy() removes it again harmlessly.
  process.off('exit', provider._exitHandler)
  if (options.waitForSync !== false) {
    try {
      await eventually(() => expectSynced(provider), { timeoutMs: 10_000 })
    } catch (error) {
      // A client that never synced must not stay behind, reconnecting, for the rest of the run.
      provider.destroy()
      ydoc.destroy()
      throw error
    }
  }
  let destroyed = false
  return {
    ydoc,
    provider,
    get text() {
      return scratchText(ydoc)
    },
    // Idempotent: a provider destroyed twice throws (its awareness is gone with the first destroy).
    destroy: () => {
      if (destroyed) return
      destroyed = true
      provider.destroy()
      ydoc.destroy()
    },
  }
}

function expectSynced(provider: WebsocketProvider): void {
  if (!provider.synced) throw new Error('not synced yet')
}
