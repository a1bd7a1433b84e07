import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** After this the socket's own sync is tried instead. */
const timeoutMs = 4000
/** A prefetched state older than this is not used (the socket would send most of it again anyway). */
const prefetchFreshMs = 30_000

const prefetched = new Map<string, { at: number; state: Promise<Uint8Array | null> }>()

function fetchState(documentName: string): Promise<Uint8Array | null> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  return fetch(`/api/documents/${encodeURIComponent(documentName)}/state`, {
    credentials: 'same-origin',
    signal: controller.signal,
  })
    .then(async (response) => (response.ok ? new Uint8Array(await response.arrayBuffer()) : null))
    .catch(() => null)
    .finally(() => clearTimeout(timer))
}

/** Whether this browser keeps a local copy of the document (y-indexeddb names its database after it). */
async function hasLocalCopy(documentName: string): Promise<boolean> {
  try {
    const databases = await indexedDB.databases()
    return databases.some((database) => database.name === `charter-desk:${documentName}`)
  } catch {
    return true
  }
}

/**
 * Starts the first sync over HTTP as early as the page knows which document it opens, when this browser has no
 * local copy of it: on a slow link the request then does not queue behind fonts and scripts.
 */
export function prefetchServerState(documentName: string): void {
  void hasLocalCopy(documentName).then((has) => {
    if (has || prefetched.has(documentName)) return
    prefetched.set(documentName, { at: Date.now(), state: fetchState(documentName) })
  })
}

/**
 * Fetches the document's state over HTTP (`GET /api/documents/:name/state`), or takes the prefetched one, and
 * applies it as the server's (the provider is the origin of everything the server sends). On a slow link this is
 * the quickest first sync: the request needs no WebSocket handshake and the body is brotli-compressed whole (a
 * 324 KB charter is ~13 KB). Any failure is quiet: the socket's sync step 2 carries the same state.
 */
export async function loadServerState(
  documentName: string,
  ydoc: Y.Doc,
  origin: WebsocketProvider,
): Promise<void> {
  const early = prefetched.get(documentName)
  prefetched.delete(documentName)
  const update = await (early && Date.now() - early.at < prefetchFreshMs
    ? early.state
    : fetchState(documentName))
  if (!update || ydoc.isDestroyed) return
  try {
    Y.applyUpdate(ydoc, update, origin)
    performance.mark('charter:server-state-loaded')
  } catch {
    // A body that is not an update: the socket syncs instead.
  }
}
