import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { CloseCode, charterDocumentName } from '../shared/protocol/index.ts'
import type { ApiDependencies } from './api/ApiDependencies.ts'
import { registerAdminRoutes } from './api/registerAdminRoutes.ts'
import { registerAuthRoutes } from './api/registerAuthRoutes.ts'
import { registerDocumentRoutes } from './api/registerDocumentRoutes.ts'
import { registerSnapshotRoutes } from './api/registerSnapshotRoutes.ts'
import { registerThreadRoutes } from './api/registerThreadRoutes.ts'
import type { AuditLog } from './audit/AuditLog.ts'
import { SqliteAuditLog } from './audit/SqliteAuditLog.ts'
import type { AccountStore } from './auth/AccountStore.ts'
import { Authenticator } from './auth/Authenticator.ts'
import { RateLimiter } from './auth/RateLimiter.ts'
import { SqliteAccountStore } from './auth/SqliteAccountStore.ts'
import { SqliteThreadStore } from './comments/SqliteThreadStore.ts'
import { ThreadService } from './comments/ThreadService.ts'
import type { Config } from './config.ts'
import { createCharterState } from './documents/createCharterState.ts'
import type { DocumentCatalog } from './documents/DocumentCatalog.ts'
import { ensureStandardDocuments } from './documents/ensureStandardDocuments.ts'
import { SqliteDocumentCatalog } from './documents/SqliteDocumentCatalog.ts'
import { ExportRunner } from './export/worker/ExportRunner.ts'
import { createRequestHandler } from './http/createRequestHandler.ts'
import { createUpgradeHandler } from './http/createUpgradeHandler.ts'
import { httpErrors } from './http/HttpError.ts'
import { handleClientError } from './http/handleClientError.ts'
import { Router } from './http/Router.ts'
import { sendRawJson } from './http/sendRawJson.ts'
import type { Logger } from './logging/Logger.ts'
import { InstrumentedDocumentStore } from './observability/InstrumentedDocumentStore.ts'
import { Metrics } from './observability/Metrics.ts'
import type { DocumentStore } from './persistence/DocumentStore.ts'
import { openSqliteDatabase } from './persistence/openSqliteDatabase.ts'
import { SqliteDocumentStore } from './persistence/SqliteDocumentStore.ts'
import { SnapshotService } from './snapshots/SnapshotService.ts'
import type { SnapshotStore } from './snapshots/SnapshotStore.ts'
import { SqliteSnapshotStore } from './snapshots/SqliteSnapshotStore.ts'
import { SyncServer } from './sync/SyncServer.ts'

export const version = '0.1.0'

export interface App {
  readonly syncServer: SyncServer
  readonly store: DocumentStore
  readonly accounts: AccountStore
  readonly catalog: DocumentCatalog
  readonly audit: AuditLog
  readonly threads: ThreadService
  readonly snapshots: SnapshotService
  readonly snapshotStore: SnapshotStore
  /** Starts listening; resolves to the bound port (useful with port 0). */
  listen(): Promise<number>
  /** Stops accepting, flushes and closes everything; safe to call twice. */
  destroy(): Promise<void>
}

/** Wires the embedded (SQLite) deployment: one HTTP server serving the client, the API and the sync socket. */
export function createApp(config: Config, logger: Logger): App {
  const startedAt = Date.now()
  const database = openSqliteDatabase(config.dataDir, config.sqliteSynchronous)
  const metrics = new Metrics()
  const store = new InstrumentedDocumentStore(new SqliteDocumentStore(database), metrics)
  const accounts = new SqliteAccountStore(database)
  const catalog = new SqliteDocumentCatalog(database)
  const audit = new SqliteAuditLog(database)
  ensureStandardDocuments(catalog)
  const authenticator = new Authenticator(accounts, catalog, config.allowedOrigins)

  const syncServer = new SyncServer({
    store,
    logger: logger.child({ component: 'sync' }),
    authenticate: async (request, documentName) => {
      const decision = authenticator.authenticateUpgrade(request, documentName)
      const address = request.socket.remoteAddress ?? null
      if ('principal' in decision) {
        audit.record({
          actorId: Number(decision.principal.userId),
          actorLogin: null,
          action: 'document.open',
          target: documentName,
          detail: { role: decision.principal.role },
          address,
        })
      } else if (decision.closeCode === CloseCode.forbidden || decision.closeCode === CloseCode.notFound) {
        audit.record({
          actorId: null,
          actorLogin: null,
          action: 'document.denied',
          target: documentName,
          detail: { reason: decision.reason },
          address,
        })
      }
      return decision
    },
    revalidate: (principal, documentName) => authenticator.revalidate(principal, documentName),
    sessionRecheckMs: config.sessionRecheckMs,
    maxMessageBytes: config.maxMessageBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    pingIntervalMs: config.pingIntervalMs,
    limits: config.limits,
    metrics,
    createInitialState: (documentName) =>
      documentName === charterDocumentName ? createCharterState() : null,
  })

  const dependencies: ApiDependencies = {
    accounts,
    catalog,
    audit,
    authenticator,
    signInLimits: {
      // Five wrong passwords per account, twenty per address, per 15 minutes (OWASP authentication cheat sheet).
      byLogin: new RateLimiter(5, 15 * 60_000),
      byAddress: new RateLimiter(20, 15 * 60_000),
    },
    browserSessionTtlMs: config.browserSessionTtlMs,
    secureCookies: config.secureCookies,
  }
  const threadStore = new SqliteThreadStore(database)
  const threadService = new ThreadService(threadStore, accounts, syncServer.documents, audit)
  const snapshotStore = new SqliteSnapshotStore(database)
  const exportRunner = new ExportRunner(logger.child({ component: 'export' }))
  const snapshotService = new SnapshotService(
    snapshotStore,
    threadStore,
    catalog,
    syncServer.documents,
    exportRunner,
    audit,
  )
  const httpLogger = logger.child({ component: 'http' })
  const router = new Router(httpLogger)
  router.on('GET', '/api/health', () => ({
    status: 'ok',
    version,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    loadedDocuments: syncServer.loadedDocumentNames.length,
    connections: syncServer.connectionCount,
  }))
  metrics.collect(() => {
    metrics.set('charterdesk_connections', 'Open WebSocket connections', syncServer.connectionCount)
    metrics.set(
      'charterdesk_loaded_documents',
      'Documents loaded in memory',
      syncServer.loadedDocumentNames.length,
    )
    metrics.set('charterdesk_heap_bytes', 'V8 heap in use', process.memoryUsage().heapUsed)
    for (const [documentName, bytes] of syncServer.loadedDocumentSizes()) {
      metrics.set('charterdesk_document_bytes', 'Encoded size of each loaded document', bytes, {
        document: documentName,
      })
    }
  })
  router.on('GET', '/metrics', (context) => {
    const authorization = context.request.headers.authorization
    const allowed = config.metricsToken
      ? authorization === `Bearer ${config.metricsToken}`
      : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(context.address ?? '')
    if (!allowed) throw httpErrors.forbidden('Metrics are for the operators')
    context.response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
    context.response.end(metrics.render())
    return undefined
  })
  registerAuthRoutes(router, dependencies)
  registerDocumentRoutes(router, dependencies)
  registerAdminRoutes(router, dependencies)
  registerThreadRoutes(router, dependencies, threadService)
  registerSnapshotRoutes(router, dependencies, snapshotService, snapshotStore)

  // Slowloris protection: a client must send its headers within 10 s and its whole request within 30 s.
  const server = http.createServer(
    {
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      maxHeaderSize: 16 * 1024,
      // Node's own check answers without a body; the request handler refuses a missing Host with JSON.
      requireHostHeader: false,
    },
    createRequestHandler({ router, clientDir: config.clientDir, metrics, logger: httpLogger }),
  )
  server.on('clientError', handleClientError)
  server.on('upgrade', createUpgradeHandler(syncServer, httpLogger))
  // Without a listener node drops CONNECT connections silently; we are no proxy, so say so.
  server.on('connect', (_request: http.IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy())
    sendRawJson(socket, 405, { error: 'method_not_allowed', message: 'CONNECT is not supported' })
  })

  let destroyed: Promise<void> | null = null
  return {
    syncServer,
    store,
    accounts,
    catalog,
    audit,
    threads: threadService,
    snapshots: snapshotService,
    snapshotStore,
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
        await exportRunner.destroy()
        server.closeAllConnections()
        await store.destroy()
        database.close()
      })()
      return destroyed
    },
  }
}
