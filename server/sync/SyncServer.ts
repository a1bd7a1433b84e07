import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { CloseCode, collabPathPrefix, isValidDocumentName } from '../../shared/protocol/index.ts'
import type { SyncLimits } from '../config.ts'
import type { Logger } from '../logging/Logger.ts'
import type { Metrics } from '../observability/Metrics.ts'
import type { DocumentStore } from '../persistence/DocumentStore.ts'
import { Admission } from './Admission.ts'
import type { AdmittedSocket } from './AdmittedSocket.ts'
import type { ClientIdClaims } from './ClientIdClaims.ts'
import { Connection } from './Connection.ts'
import type { DocumentAccess } from './DocumentAccess.ts'
import type { Principal } from './Principal.ts'
import type { Replication } from './Replication.ts'
import { RoomDocumentAccess } from './RoomDocumentAccess.ts'
import type { RoomObserver } from './RoomObserver.ts'
import { RoomRegistry } from './RoomRegistry.ts'
import { refuseSocket } from './refuseSocket.ts'
import { type Revalidate, SessionRecheck } from './SessionRecheck.ts'
import type { ClauseProtection } from './validation/ClauseProtection.ts'
import { UpdateValidatorPool } from './validation/UpdateValidatorPool.ts'

/** Result of checking who opens a WebSocket: a principal, or the close code to refuse with. */
export type UpgradeDecision = { principal: Principal } | { closeCode: number; reason: string }

/** Decides, before any document is loaded, whether the request may open `documentName`. */
export type UpgradeAuthenticator = (
  request: IncomingMessage,
  documentName: string,
) => Promise<UpgradeDecision>

export interface SyncServerOptions {
  store: DocumentStore
  logger: Logger
  authenticate: UpgradeAuthenticator
  maxMessageBytes: number
  compactAfterUpdates: number
  pingIntervalMs: number
  /** Re-checks an open connection's session and access; see `sessionRecheckMs`. */
  revalidate?: Revalidate
  /** How often open connections are re-checked, so revocations and role changes apply within seconds. */
  sessionRecheckMs?: number
  /** See `Stores.changedElsewhere`: the periodic re-check runs only when it says so, or as a safety net. */
  changedElsewhere?: () => boolean
  limits: SyncLimits
  metrics?: Metrics
  /** Initial state of a document that has never been stored (the charter template); null if none. */
  createInitialState: (documentName: string) => Uint8Array | null
  /** Other instances sharing the store (scale-out, see server/cluster); absent for a single instance. */
  replication?: Replication
  /** Where updates are validated: a worker thread (default) or inline, on the main thread. */
  validation?: 'worker' | 'inline'
  /** Clauses whose text no client may change alone (the two-key rule); none if absent. */
  protection?: ClauseProtection
  /** Records who writes with each Yjs client id and refuses ids of other accounts; nothing recorded if absent. */
  authorship?: ClientIdClaims
}

/**
 * permessage-deflate for clients that ask for it: a browser opening the charter over a hotel link receives the
 * whole document (hundreds of KB of Yjs state, which deflates to about a third) in its first sync. Only
 * messages over 1 KB are compressed, so keystrokes cost nothing extra; no context is kept between messages and
 * the window is small, so an open connection holds ~100 KB of zlib state, not ~300 KB. Bots and servers on a
 * fast network do not ask and pay nothing.
 */
const deflateOptions = {
  threshold: 1024,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 13,
  zlibDeflateOptions: { memLevel: 7, level: 6 },
}

/**
 * Accepts WebSocket upgrades at `/collab/<documentName>` and speaks the standard y-websocket protocol. Wiring
 * only: each upgrade goes through `Admission` (limits), the authenticator, then becomes a `Connection` that
 * joins its `Room` from the `RoomRegistry`. `documents` gives other services the same rooms.
 */
export class SyncServer {
  /** Server-side reads and changes of live documents (comments, snapshots, restore). */
  readonly documents: DocumentAccess
  private readonly webSocketServer: WebSocketServer
  /** For clients that ask for compression (`?deflate=1`, our browser client), see `deflateOptions`. */
  private readonly deflatingWebSocketServer: WebSocketServer
  private readonly rooms: RoomRegistry
  private readonly admission: Admission
  private readonly connections = new Set<Connection>()
  private readonly heartbeat: NodeJS.Timeout
  private readonly recheck: SessionRecheck | null
  private accepting = true
  private readonly validators: UpdateValidatorPool

  constructor(private readonly options: SyncServerOptions) {
    const validators = new UpdateValidatorPool(options.logger, options.validation, options.protection ?? null)
    this.validators = validators
    this.webSocketServer = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
    })
    this.deflatingWebSocketServer = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: deflateOptions,
    })
    this.rooms = new RoomRegistry({
      ...options,
      createValidator: (documentName, readState) => validators.forDocument(documentName, readState),
    })
    this.documents = new RoomDocumentAccess(this.rooms)
    this.admission = new Admission(options.limits, options.metrics)
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.pingIntervalMs)
    this.heartbeat.unref()
    const { revalidate, sessionRecheckMs } = options
    this.recheck = revalidate
      ? new SessionRecheck(this.connections, revalidate, sessionRecheckMs ?? 2000, options.changedElsewhere)
      : null
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Encoded size of each loaded document (for metrics; encodes each document, so call it rarely). */
  loadedDocumentSizes(): Generator<[string, number]> {
    return this.rooms.loadedDocumentSizes()
  }

  get loadedDocumentNames(): string[] {
    return this.rooms.loadedDocumentNames
  }

  /** Handles an HTTP upgrade; returns false if the path is not ours so the caller can refuse it. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    // Prefixed, so a target like "//" stays a path instead of becoming a URL with an empty host (which throws).
    const pathname = URL.parse(`http://localhost${request.url ?? '/'}`)?.pathname ?? ''
    if (!pathname.startsWith(collabPathPrefix)) return false
    let documentName: string | null
    try {
      documentName = decodeURIComponent(pathname.slice(collabPathPrefix.length))
    } catch {
      documentName = null
    }
    const wantsDeflate =
      URL.parse(`http://localhost${request.url ?? '/'}`)?.searchParams.get('deflate') === '1'
    const server = wantsDeflate ? this.deflatingWebSocketServer : this.webSocketServer
    server.handleUpgrade(request, socket, head, (webSocket) => {
      if (documentName === null) {
        webSocket.close(CloseCode.badRequest, 'invalid document name')
        return
      }
      this.accept(webSocket, request, documentName).catch((error: unknown) => {
        this.options.logger.error('connection failed', { documentName, error })
        if (webSocket.readyState === WebSocket.OPEN)
          webSocket.close(CloseCode.internalError, 'internal error')
      })
    })
    return true
  }

  /** Sets who is told of loaded rooms and bracket changes (see RoomObserver); call before listening. */
  observe(observer: RoomObserver): void {
    this.rooms.observe(observer)
  }

  /**
   * Re-checks every open connection's session and role now (another instance revoked a session or changed a
   * role), instead of at the next periodic re-check.
   */
  recheckNow(): Promise<void> {
    return this.recheck?.run(true) ?? Promise.resolve()
  }

  /** Resolves once every loaded room has stored what it acknowledged. */
  flush(): Promise<void> {
    return this.rooms.flush()
  }

  /** Stops accepting, closes every client with "going away", stores and unloads every room. */
  async destroy(): Promise<void> {
    this.accepting = false
    clearInterval(this.heartbeat)
    this.recheck?.destroy()
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'server shutting down')
    await this.rooms.destroy()
    await this.validators.destroy()
    this.webSocketServer.close()
    this.deflatingWebSocketServer.close()
  }

  /** Upgrade → admission → authentication → connection → room. */
  private async accept(webSocket: WebSocket, request: IncomingMessage, documentName: string): Promise<void> {
    const logger = this.options.logger.child({ documentName, remote: request.socket.remoteAddress })
    if (!this.accepting) {
      webSocket.close(CloseCode.goingAway, 'server shutting down')
      return
    }
    if (!isValidDocumentName(documentName)) {
      logger.warn('invalid document name')
      webSocket.close(CloseCode.badRequest, 'invalid document name')
      return
    }
    const admitted = this.admission.admit(webSocket, request.socket.remoteAddress ?? 'unknown', logger)
    if (!admitted) return
    webSocket.on('close', (code) => {
      this.options.metrics?.increment(
        'charterdesk_connections_closed_total',
        'Closed sockets by close code',
        {
          code: String(code),
        },
      )
    })
    webSocket.on('error', (error) => logger.warn('socket error', { error }))

    const passesBefore = this.recheck?.passesStarted ?? 0
    const principal = await this.authenticate(webSocket, request, documentName, logger)
    if (!principal) return
    admitted.markAuthenticated()
    if (webSocket.readyState !== WebSocket.OPEN) return
    if (!admitted.admitAccount(principal.userId)) return

    const connection = new Connection(
      webSocket,
      documentName,
      principal,
      logger.child({ userId: principal.userId }),
    )
    connection.maxDocumentBytes = this.options.limits.maxDocumentBytes
    connection.maxBufferedBytes = this.options.limits.maxBufferedBytes
    this.connections.add(connection)
    // A revocation or role change re-checked the connections while this one was being authenticated from what
    // the stores said before it: check it too, or it would keep its access until the safety net.
    if (this.recheck && this.recheck.passesStarted !== passesBefore) void this.recheck.checkLate(connection)
    await this.join(connection, admitted)
  }

  /** The authenticated principal, or null once the socket is refused (or failed with 1011). */
  private async authenticate(
    webSocket: WebSocket,
    request: IncomingMessage,
    documentName: string,
    logger: Logger,
  ): Promise<Principal | null> {
    let decision: UpgradeDecision
    try {
      decision = await this.options.authenticate(request, documentName)
    } catch (error) {
      logger.error('authentication failed', { error })
      webSocket.close(CloseCode.internalError, 'internal error')
      return null
    }
    if ('closeCode' in decision) {
      refuseSocket(webSocket, decision.closeCode, decision.reason, logger)
      return null
    }
    return decision.principal
  }

  /** Loads the room (frames wait in the connection meanwhile) and attaches the connection to it. */
  private async join(connection: Connection, admitted: AdmittedSocket): Promise<void> {
    const { documentName, socket: webSocket } = connection
    const room = this.rooms.get(documentName)
    const early = admitted.forward(connection)
    webSocket.on('pong', () => {
      connection.alive = true
    })
    webSocket.on('close', () => {
      this.connections.delete(connection)
      connection.detach()
      void room.then((loaded) => this.rooms.leave(documentName, loaded)).catch(() => {})
    })
    for (const data of early) connection.receive(data)

    this.rooms.reserve(documentName)
    try {
      const loaded = await room
      admitted.markReady()
      if (webSocket.readyState === WebSocket.OPEN) connection.attach(loaded)
      else connection.abandon(new Error('closed while loading'))
    } catch (error) {
      connection.abandon(error)
      connection.logger.error('document load failed', { error })
      connection.close(CloseCode.tryAgainLater, 'document unavailable')
    } finally {
      this.rooms.release(documentName)
    }
  }

  private checkHeartbeats(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.logger.info('heartbeat missed; terminating')
        connection.socket.terminate()
        continue
      }
      connection.alive = false
      connection.socket.ping()
    }
  }
}
