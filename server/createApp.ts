import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { charterDocumentName } from '../shared/protocol/index.ts'
import type { Config } from './config.ts'
import { createCharterState } from './documents/createCharterState.ts'
import { securityHeaders } from './http/securityHeaders.ts'
import { sendJson } from './http/sendJson.ts'
import { serveStatic } from './http/serveStatic.ts'
import type { Logger } from './logging/Logger.ts'
import type { DocumentStore } from './persistence/DocumentStore.ts'
import { openSqliteDatabase } from './persistence/openSqliteDatabase.ts'
import { SqliteDocumentStore } from './persistence/SqliteDocumentStore.ts'
import type { UpgradeAuthenticator } from './sync/SyncServer.ts'
import { SyncServer } from './sync/SyncServer.ts'

export const version = '0.1.0'

export interface App {
  readonly syncServer: SyncServer
  readonly store: DocumentStore
  /** Starts listening; resolves to the bound port (useful with port 0). */
  listen(): Promise<number>
  /** Stops accepting, flushes and closes everything; safe to call twice. */
  destroy(): Promise<void>
}

/** Until accounts exist every visitor may edit; identity comes from the client's awareness state. */
const anonymousEditor: UpgradeAuthenticator = async () => ({
  principal: { userId: 'anonymous', name: 'Anonymous', delegation: null, role: 'drafter' },
})

/** Wires the embedded (SQLite) deployment: one HTTP server serving the client, the API and the sync socket. */
export function createApp(config: Config, logger: Logger): App {
  const startedAt = Date.now()
  const database = openSqliteDatabase(config.dataDir, config.sqliteSynchronous)
  const store = new SqliteDocumentStore(database)
  const syncServer = new SyncServer({
    store,
    logger: logger.child({ component: 'sync' }),
    authenticate: anonymousEditor,
    maxMessageBytes: config.maxMessageBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    pingIntervalMs: config.pingIntervalMs,
    createInitialState: (documentName) =>
      documentName === charterDocumentName ? createCharterState() : null,
  })

  const server = http.createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value)
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/api/health' && request.method === 'GET') {
      sendJson(response, 200, {
        status: 'ok',
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        loadedDocuments: syncServer.loadedDocumentNames.length,
        connections: syncServer.connectionCount,
      })
      return
    }
    if (url.pathname.startsWith('/api/')) {
      sendJson(response, 404, { error: 'not_found', message: 'No such API route' })
      return
    }
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      serveStatic(config.clientDir, url.pathname, response)
    ) {
      return
    }
    sendJson(response, 404, {
      error: 'not_found',
      message: 'Not found (is the client built? run `npm run build`)',
    })
  })
  server.on('upgrade', (request, socket, head) => {
    if (!syncServer.handleUpgrade(request, socket, head)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
    }
  })

  let destroyed: Promise<void> | null = null
  return {
    syncServer,
    store,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(config.port, config.host, () => {
          server.off('error', reject)
          resolve((server.address() as AddressInfo).port)
        })
      }),
    destroy: () => {
      destroyed ??= (async () => {
        server.close()
        await syncServer.destroy()
        server.closeAllConnections()
        await store.destroy()
        database.close()
      })()
      return destroyed
    },
  }
}
