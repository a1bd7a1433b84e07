import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { CloseCode, charterDocumentName } from '../shared/protocol/index.ts'
import type { ApiDependencies } from './api/ApiDependencies.ts'
import { createRouteGuard } from './api/createRouteGuard.ts'
import { registerAdminRoutes } from './api/registerAdminRoutes.ts'
import { registerAuthRoutes } from './api/registerAuthRoutes.ts'
import { registerBracketRoutes } from './api/registerBracketRoutes.ts'
import { registerClauseRoutes } from './api/registerClauseRoutes.ts'
import { registerDocumentRoutes } from './api/registerDocumentRoutes.ts'
import { registerDocumentStateRoute } from './api/registerDocumentStateRoute.ts'
import { registerSnapshotRoutes } from './api/registerSnapshotRoutes.ts'
import { registerSuggestionRoutes } from './api/registerSuggestionRoutes.ts'
import { registerThreadRoutes } from './api/registerThreadRoutes.ts'
import { Authenticator } from './auth/Authenticator.ts'
import { RateLimiter } from './auth/RateLimiter.ts'
import type { ClusterBus } from './cluster/ClusterBus.ts'
import { DocumentReplication } from './cluster/DocumentReplication.ts'
import { withAccessNotifications } from './cluster/withAccessNotifications.ts'
import { ThreadService } from './comments/ThreadService.ts'
import type { Config } from './config.ts'
import { createCharterState } from './documents/createCharterState.ts'
import { ensureStandardDocuments } from './documents/ensureStandardDocuments.ts'
import { ExportRunner } from './export/worker/ExportRunner.ts'
import { createRequestHandler } from './http/createRequestHandler.ts'
import { createUpgradeHandler } from './http/createUpgradeHandler.ts'
import { httpErrors } from './http/HttpError.ts'
import { handleClientError } from './http/handleClientError.ts'
import { Router } from './http/Router.ts'
import { sendRawJson } from './http/sendRawJson.ts'
import type { Logger } from './logging/Logger.ts'
import { BracketRegister } from './negotiation/BracketRegister.ts'
import { ClauseStatusService } from './negotiation/ClauseStatusService.ts'
import { CleaningService } from './negotiation/CleaningService.ts'
import { DashboardService } from './negotiation/DashboardService.ts'
import { ProtectedClauses } from './negotiation/ProtectedClauses.ts'
import { InstrumentedDocumentStore } from './observability/InstrumentedDocumentStore.ts'
import { Metrics } from './observability/Metrics.ts'
import type { DocumentStore } from './persistence/DocumentStore.ts'
import { openStores } from './persistence/openStores.ts'
import type { Stores } from './persistence/Stores.ts'
import { SnapshotService } from './snapshots/SnapshotService.ts'
import { ClientAuthorship } from './suggestions/ClientAuthorship.ts'
import { SuggestionService } from './suggestions/SuggestionService.ts'
import { SyncServer, type UpgradeAuthenticator } from './sync/SyncServer.ts'

export const version = '0.1.0'

export interface App {
  readonly syncServer: SyncServer
  /** The document store as the sync server uses it (instrumented); the same as `stores.documents`. */
  readonly store: DocumentStore
  readonly stores: Stores
  readonly threads: ThreadService
  readonly snapshots: SnapshotService
  readonly brackets: BracketRegister
  /** The bus to other instances, or null when this instance runs alone. */
  readonly bus: ClusterBus | null
  /**
   * Starts a graceful drain: /readyz answers 503 from now on, so the load balancer sends no new sockets here;
   * `destroy` then closes the open ones with 1001 "going away" (clients reconnect, to another instance).
   */
  startDraining(): void
  /** Starts listening; resolves to the bound port (useful with port 0). */
  listen(): Promise<number>
  /** Stops accepting, flushes and closes everything; safe to call twice. */
  destroy(): Promise<void>
}

/** Seams for tests that must control timing the real components make instantaneous. */
export interface AppOptions {
  /** Wraps the backend's document store, e.g. to hold appends back and see what waits for them. */
  wrapDocumentStore?: (store: DocumentStore) => DocumentStore
  /** Wraps the upgrade authenticator, e.g. to make authentication slower than its deadline. */
  wrapUpgradeAuthenticator?: (authenticate: UpgradeAuthenticator) => UpgradeAuthenticator
  /**
   * The bus to other instances instead of the one the config implies (Redis with REDIS_URL, none without):
   * tests run several instances in one process over a shared `MemoryClusterBus` network, or inject faults.
   */
  clusterBus?: ClusterBus
}

/**
 * Wires one instance: one HTTP server serving the client, the API and the sync socket, over the SQLite file or
 * (DATABASE_URL) PostgreSQL. Opening the database applies pending schema migrations (and refuses a database
 * that does not fit).
 */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const startedAt = Date.now()
  const opened = await openStores(config)
  const metrics = new Metrics(config.instanceId)
  const store = new InstrumentedDocumentStore(
    options.wrapDocumentStore?.(opened.stores.documents) ?? opened.stores.documents,
    metrics,
  )
  const wrapAuthenticator = options.wrapUpgradeAuthenticator ?? ((authenticate) => authenticate)
  const bus =
    options.clusterBus ??
    (config.redisUrl
      ? // Loaded only with REDIS_URL: the redis client is the largest module a single instance would not use.
        new (await import('./cluster/RedisClusterBus.ts')).RedisClusterBus({
          url: config.redisUrl,
          instanceId: config.instanceId,
          channelPrefix: config.redisPrefix,
          logger: logger.child({ component: 'cluster' }),
        })
      : null)
  const localStores: Stores = { ...opened.stores, documents: store }
  /** Set once the sync server exists; access changes re-check its sockets. */
  let syncServerForAccess: SyncServer | null = null
  // A revocation or role change re-checks this instance's sockets at once, and with other instances theirs too;
  // the periodic re-check is then only the safety net (see SessionRecheck).
  const stores = withAccessNotifications(localStores, () => {
    void syncServerForAccess?.recheckNow()
    bus?.publish({ kind: 'access', instanceId: bus.instanceId })
  })
  const replication = bus
    ? new DocumentReplication({
        bus,
        logger: logger.child({ component: 'cluster' }),
        checkIntervalMs: config.clusterCheckMs,
        onAccessChanged: () => void syncServerForAccess?.recheckNow(),
      })
    : null
  await replication?.start()
  const { accounts, sessions, signInLinks, invitations, setupSecret, catalog, audit } = stores
  await ensureStandardDocuments(catalog)
  const protectedClauses = new ProtectedClauses(stores.clauseEvents)
  const authenticator = new Authenticator(sessions, catalog, config.allowedOrigins)

  const syncServer = new SyncServer({
    store,
    logger: logger.child({ component: 'sync' }),
    authenticate: wrapAuthenticator(async (request, documentName) => {
      const decision = await authenticator.authenticateUpgrade(request, documentName)
      const address = request.socket.remoteAddress ?? null
      if ('principal' in decision) {
        await audit.record({
          actorId: Number(decision.principal.userId),
          actorLogin: null,
          action: 'document.open',
          target: documentName,
          detail: { role: decision.principal.role },
          address,
        })
      } else if (decision.closeCode === CloseCode.forbidden || decision.closeCode === CloseCode.notFound) {
        await audit.record({
          actorId: null,
          actorLogin: null,
          action: 'document.denied',
          target: documentName,
          detail: { reason: decision.reason },
          address,
        })
      }
      return decision
    }),
    revalidate: (principal, documentName) => authenticator.revalidate(principal, documentName),
    sessionRecheckMs: config.sessionRecheckMs,
    changedElsewhere: localStores.changedElsewhere,
    maxMessageBytes: config.maxMessageBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    pingIntervalMs: config.pingIntervalMs,
    limits: config.limits,
    metrics,
    createInitialState: (documentName) =>
      documentName === charterDocumentName ? createCharterState() : null,
    replication: replication ?? undefined,
    protection: protectedClauses,
    authorship: new ClientAuthorship(stores.authorship),
  })
  syncServerForAccess = syncServer
  let draining = false

  // The register learns of every loaded document and every change to its brackets; set before any room loads.
  const bracketRegister = new BracketRegister(
    stores.brackets,
    stores.threads,
    syncServer.documents,
    logger.child({ component: 'brackets' }),
  )
  syncServer.observe(bracketRegister)
  const threadService = new ThreadService(stores.threads, accounts, syncServer.documents, audit, (thread) =>
    bracketRegister.threadCreated(thread),
  )
  const cleaningService = new CleaningService(
    bracketRegister,
    stores.brackets,
    stores.threads,
    syncServer.documents,
    audit,
  )

  const dependencies: ApiDependencies = {
    accounts,
    sessions,
    signInLinks,
    invitations,
    setupSecret,
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
  const exportRunner = new ExportRunner(logger.child({ component: 'export' }))
  const snapshotService = new SnapshotService(
    stores.snapshots,
    stores.meetings,
    stores.threads,
    catalog,
    syncServer.documents,
    exportRunner,
    audit,
    stores.clauseEvents,
    stores.authorship,
  )
  const clauseService = new ClauseStatusService(
    stores.clauseEvents,
    syncServer.documents,
    stores.snapshots,
    protectedClauses,
    audit,
  )
  const httpLogger = logger.child({ component: 'http' })
  const router = new Router(httpLogger, createRouteGuard(dependencies))
  router.on('GET', '/api/health', { scope: 'public' }, () => ({
    status: 'ok',
    version,
    storage: opened.backend,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    loadedDocuments: syncServer.loadedDocumentNames.length,
    connections: syncServer.connectionCount,
  }))
  // Liveness: the process answers. Readiness: it can serve (database and bus reachable) and is not draining.
  router.on('GET', '/healthz', { scope: 'public' }, () => ({ status: 'ok' }))
  router.on('GET', '/readyz', { scope: 'public' }, async (context) => {
    const checks = {
      draining,
      database: await stores.accounts.countAccounts().then(
        () => true,
        () => false,
      ),
      bus: bus ? bus.healthy : null,
    }
    const ready = !draining && checks.database && checks.bus !== false
    context.response.writeHead(ready ? 200 : 503, { 'Content-Type': 'application/json; charset=utf-8' })
    context.response.end(
      JSON.stringify({ status: ready ? 'ready' : 'unavailable', instance: config.instanceId, ...checks }),
    )
    return undefined
  })
  metrics.collect(() => {
    metrics.set('charterdesk_connections', 'Open WebSocket connections', syncServer.connectionCount)
    metrics.set(
      'charterdesk_loaded_documents',
      'Documents loaded in memory',
      syncServer.loadedDocumentNames.length,
    )
    for (const [documentName, bytes] of syncServer.loadedDocumentSizes()) {
      metrics.set('charterdesk_document_bytes', 'Encoded size of each loaded document', bytes, {
        document: documentName,
      })
    }
  })
  router.on('GET', '/metrics', { scope: 'public' }, async (context) => {
    const authorization = context.request.headers.authorization
    const allowed = config.metricsToken
      ? authorization === `Bearer ${config.metricsToken}`
      : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(context.address ?? '')
    if (!allowed) throw httpErrors.forbidden('Metrics are for the operators')
    const body = await metrics.render()
    context.response.writeHead(200, { 'Content-Type': metrics.contentType })
    context.response.end(body)
    return undefined
  })
  registerAuthRoutes(router, dependencies)
  registerDocumentRoutes(router, dependencies)
  registerDocumentStateRoute(router, dependencies, syncServer.documents)
  registerAdminRoutes(router, dependencies)
  registerThreadRoutes(router, dependencies, threadService)
  registerSnapshotRoutes(router, dependencies, snapshotService, stores.meetings)
  registerBracketRoutes(router, dependencies, bracketRegister, cleaningService)
  const dashboard = new DashboardService(
    syncServer.documents,
    stores.clauseEvents,
    stores.snapshots,
    stores.threads,
    catalog,
  )
  registerClauseRoutes(router, dependencies, clauseService, dashboard)
  const suggestionService = new SuggestionService(
    syncServer.documents,
    stores.suggestionDecisions,
    protectedClauses,
    catalog,
    audit,
    () => void syncServer.recheckNow(),
    stores.authorship,
  )
  registerSuggestionRoutes(router, dependencies, suggestionService)

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
    stores,
    threads: threadService,
    snapshots: snapshotService,
    brackets: bracketRegister,
    bus,
    startDraining: () => {
      draining = true
    },
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
        await replication?.destroy()
        if (!replication) await bus?.close()
        await store.destroy()
        await opened.close()
      })()
      return destroyed
    },
  }
}
