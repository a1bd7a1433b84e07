import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type RawData, WebSocket, WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { CloseCode, collabPathPrefix, isValidDocumentName } from '../../shared/protocol/index.ts'
import type { SyncLimits } from '../config.ts'
import type { Logger } from '../logging/Logger.ts'
import type { Metrics } from '../observability/Metrics.ts'
import type { DocumentStore } from '../persistence/DocumentStore.ts'
import { Connection } from './Connection.ts'
import type { Principal } from './Principal.ts'
import { Room, serverOrigin } from './Room.ts'
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
  revalidate?: (principal: Principal, documentName: string) => Promise<UpgradeDecision>
  /** How often open connections are re-checked, so revocations and role changes apply within seconds. */
  sessionRecheckMs?: number
  limits: SyncLimits
  metrics?: Metrics
  /** Initial state of a document that has never been stored (the charter template); null if none. */
  createInitialState: (documentName: string) => Uint8Array | null
  /** Where updates are validated: a worker thread (default) or inline, on the main thread. */
  validation?: 'worker' | 'inline'
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * Accepts WebSocket upgrades at `/collab/<documentName>` and speaks the standard y-websocket protocol.
 * Rooms load on the first connection and unload once the last one has left and everything is stored.
 */
export class SyncServer {
  private readonly webSocketServer: WebSocketServer
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly loadedRooms = new Map<string, Room>()
  /** Connections past authentication that have not joined their room yet; they keep it from unloading. */
  private readonly joining = new Map<string, number>()
  private readonly serverChanges = new Map<string, Promise<void>>()
  private readonly perAddress = new Map<string, number>()
  private readonly perUser = new Map<string, number>()
  private readonly connections = new Set<Connection>()
  private readonly heartbeat: NodeJS.Timeout
  private readonly recheck: NodeJS.Timeout | null
  /** A slow store must not pile up re-checks: a tick is skipped while the previous run is still going. */
  private rechecking = false
  private accepting = true
  private readonly validators: UpdateValidatorPool

  constructor(private readonly options: SyncServerOptions) {
    this.validators = new UpdateValidatorPool(options.logger, options.validation)
    this.webSocketServer = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
    })
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.pingIntervalMs)
    this.heartbeat.unref()
    const { revalidate, sessionRecheckMs } = options
    this.recheck = revalidate
      ? setInterval(() => {
          if (this.rechecking) return
          this.rechecking = true
          void this.recheckSessions(revalidate).finally(() => {
            this.rechecking = false
          })
        }, sessionRecheckMs ?? 2000)
      : null
    this.recheck?.unref()
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Encoded size of each loaded document (for metrics; encodes each document, so call it rarely). */
  *loadedDocumentSizes(): Generator<[string, number]> {
    for (const [documentName, room] of this.loadedRooms)
      yield [documentName, room.encodeStateAsUpdate().byteLength]
  }

  get loadedDocumentNames(): string[] {
    return [...this.rooms.keys()]
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
    this.webSocketServer.handleUpgrade(request, socket, head, (webSocket) => {
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

  /** Resolves once every loaded room has stored what it acknowledged. */
  async flush(): Promise<void> {
    const rooms = await Promise.allSettled(this.rooms.values())
    await Promise.all(
      rooms.map((result) => (result.status === 'fulfilled' ? result.value.idle() : undefined)),
    )
  }

  /** Stops accepting, closes every client with "going away", stores and unloads every room. */
  async destroy(): Promise<void> {
    this.accepting = false
    clearInterval(this.heartbeat)
    if (this.recheck) clearInterval(this.recheck)
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'server shutting down')
    await this.flush()
    for (const [documentName, room] of this.rooms) {
      await this.unload(documentName, await room, true)
    }
    await this.validators.destroy()
    this.webSocketServer.close()
  }

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
    const address = request.socket.remoteAddress ?? 'unknown'
    const { limits } = this.options
    if ((this.perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) {
      this.reject(webSocket, CloseCode.policy, 'too many connections from this address', logger)
      return
    }
    this.count(this.perAddress, address, 1)
    webSocket.on('close', (code) => {
      this.count(this.perAddress, address, -1)
      this.options.metrics?.increment(
        'charterdesk_connections_closed_total',
        'Closed sockets by close code',
        {
          code: String(code),
        },
      )
    })
    webSocket.on('error', (error) => logger.warn('socket error', { error }))

    // Until the document is ready, frames wait in memory: bound them in bytes and in time.
    let ready = false
    let waitingBytes = 0
    const overBudget = (data: RawData): boolean => {
      if (ready) return false
      waitingBytes += toUint8Array(data).byteLength
      if (waitingBytes <= limits.preAuthBudgetBytes) return false
      this.reject(webSocket, CloseCode.policy, 'too much data before the document was ready', logger)
      return true
    }
    let authenticated = false
    const deadline = setTimeout(() => {
      if (ready) return
      // Authentication is the client's part (terminal 4408); a slow load is ours, so the client may retry (1013).
      if (!authenticated)
        this.reject(webSocket, CloseCode.authTimeout, 'authentication took too long', logger)
      else this.reject(webSocket, CloseCode.tryAgainLater, 'the document is taking too long to load', logger)
    }, limits.authDeadlineMs)
    deadline.unref()
    webSocket.once('close', () => clearTimeout(deadline))

    // Frames that arrive while we authenticate are kept, in order, until the connection exists.
    const early: Uint8Array[] = []
    const keepEarly = (data: RawData) => {
      if (!overBudget(data)) early.push(toUint8Array(data))
    }
    webSocket.on('message', keepEarly)

    let decision: UpgradeDecision
    try {
      decision = await this.options.authenticate(request, documentName)
    } catch (error) {
      logger.error('authentication failed', { error })
      webSocket.close(CloseCode.internalError, 'internal error')
      return
    }
    if ('closeCode' in decision) {
      this.reject(webSocket, decision.closeCode, decision.reason, logger)
      return
    }
    authenticated = true
    if (webSocket.readyState !== WebSocket.OPEN) return
    const { userId } = decision.principal
    if ((this.perUser.get(userId) ?? 0) >= limits.maxConnectionsPerUser) {
      this.reject(webSocket, CloseCode.policy, 'too many connections for this account', logger)
      return
    }
    this.count(this.perUser, userId, 1)
    webSocket.once('close', () => this.count(this.perUser, userId, -1))

    const connection = new Connection(webSocket, documentName, decision.principal, logger.child({ userId }))
    connection.maxDocumentBytes = limits.maxDocumentBytes
    connection.maxBufferedBytes = limits.maxBufferedBytes
    this.connections.add(connection)
    const room = this.getRoom(documentName)
    const bucket = { tokens: limits.messageBurst, refilledAt: performance.now() }
    webSocket.off('message', keepEarly)
    webSocket.on('message', (data: RawData, isBinary: boolean) => {
      this.options.metrics?.increment('charterdesk_messages_received_total', 'Frames received from clients')
      if (!isBinary) {
        connection.close(CloseCode.badRequest, 'text frames are not part of the protocol')
        return
      }
      const now = performance.now()
      bucket.tokens = Math.min(
        limits.messageBurst,
        bucket.tokens + ((now - bucket.refilledAt) / 1000) * limits.messagesPerSecond,
      )
      bucket.refilledAt = now
      if (bucket.tokens < 1) {
        connection.close(CloseCode.rateLimited, 'too many messages')
        return
      }
      bucket.tokens -= 1
      if (overBudget(data)) return
      connection.receive(toUint8Array(data))
    })
    webSocket.on('pong', () => {
      connection.alive = true
    })
    webSocket.on('close', () => {
      this.connections.delete(connection)
      connection.detach()
      void room.then((loaded) => this.leave(documentName, loaded)).catch(() => {})
    })
    for (const data of early) connection.receive(data)

    this.reserve(documentName)
    try {
      const loaded = await room
      ready = true
      clearTimeout(deadline)
      if (webSocket.readyState === WebSocket.OPEN) connection.attach(loaded)
      else connection.abandon(new Error('closed while loading'))
    } catch (error) {
      connection.abandon(error)
      logger.error('document load failed', { error })
      connection.close(CloseCode.tryAgainLater, 'document unavailable')
    } finally {
      this.release(documentName)
    }
  }

  private reject(webSocket: WebSocket, closeCode: number, reason: string, logger: Logger): void {
    logger.info('connection refused', { closeCode, reason })
    if (webSocket.readyState === WebSocket.OPEN || webSocket.readyState === WebSocket.CONNECTING) {
      webSocket.close(closeCode, reason)
    }
  }

  private count(counts: Map<string, number>, key: string, delta: number): void {
    const next = (counts.get(key) ?? 0) + delta
    if (next > 0) counts.set(key, next)
    else counts.delete(key)
  }

  /** Runs `read` on the document's current state, loading it for the call if nobody has it open. */
  async readDocument<T>(documentName: string, read: (ydoc: Y.Doc) => T): Promise<T> {
    this.reserve(documentName)
    const room = await this.getRoom(documentName).catch((error: unknown) => {
      this.release(documentName)
      throw error
    })
    try {
      await room.idle()
      return read(room.ydoc)
    } finally {
      this.release(documentName)
      void this.leave(documentName, room)
    }
  }

  /**
   * Makes a server-side change with the same guarantees as a client's: stored, then applied and broadcast.
   * Changes to one document are serialised so each sees the one before it.
   */
  updateDocument(documentName: string, mutate: (ydoc: Y.Doc) => void): Promise<void> {
    const previous = this.serverChanges.get(documentName) ?? Promise.resolve()
    const change = async () => {
      this.reserve(documentName)
      let room: Room
      try {
        room = await this.getRoom(documentName)
      } catch (error) {
        this.release(documentName)
        throw error
      }
      try {
        await room.idle()
        const scratch = new Y.Doc()
        Y.applyUpdate(scratch, room.encodeStateAsUpdate())
        const before = Y.encodeStateVector(scratch)
        mutate(scratch)
        const update = Y.encodeStateAsUpdate(scratch, before)
        scratch.destroy()
        await room.submit(update, serverOrigin)
      } finally {
        this.release(documentName)
        void this.leave(documentName, room)
      }
    }
    const next = previous.catch(() => {}).then(change)
    this.serverChanges.set(documentName, next)
    void next
      .finally(() => {
        if (this.serverChanges.get(documentName) === next) this.serverChanges.delete(documentName)
      })
      .catch(() => {})
    return next
  }

  private reserve(documentName: string): void {
    this.joining.set(documentName, (this.joining.get(documentName) ?? 0) + 1)
  }

  private release(documentName: string): void {
    const remaining = (this.joining.get(documentName) ?? 1) - 1
    if (remaining > 0) this.joining.set(documentName, remaining)
    else this.joining.delete(documentName)
  }

  private getRoom(documentName: string): Promise<Room> {
    const existing = this.rooms.get(documentName)
    if (existing) return existing
    const loading = Room.load(documentName, {
      store: this.options.store,
      logger: this.options.logger,
      compactAfterUpdates: this.options.compactAfterUpdates,
      createInitialState: () => this.options.createInitialState(documentName),
      createValidator: (readState) => this.validators.forDocument(documentName, readState),
    })
    this.rooms.set(documentName, loading)
    loading.then(
      (room) => this.loadedRooms.set(documentName, room),
      () => {
        if (this.rooms.get(documentName) === loading) this.rooms.delete(documentName)
      },
    )
    return loading
  }

  /** Unloads a room once its last member has left and everything it acknowledged is compacted. */
  private async leave(documentName: string, room: Room): Promise<void> {
    if (!this.isUnused(documentName, room) || !this.accepting) return
    await room.idle()
    await room.compact()
    if (!this.isUnused(documentName, room)) return
    await this.unload(documentName, room, false)
  }

  private isUnused(documentName: string, room: Room): boolean {
    return room.members.size === 0 && !this.joining.has(documentName)
  }

  private async unload(documentName: string, room: Room, shuttingDown: boolean): Promise<void> {
    if (this.loadedRooms.get(documentName) !== room) return
    if (shuttingDown) {
      await room.idle()
      await room.compact()
    }
    this.loadedRooms.delete(documentName)
    this.rooms.delete(documentName)
    room.destroy()
    this.options.logger.debug('room unloaded', { documentName })
  }

  private async recheckSessions(revalidate: NonNullable<SyncServerOptions['revalidate']>): Promise<void> {
    for (const connection of [...this.connections]) {
      let decision: UpgradeDecision
      try {
        decision = await revalidate(connection.principal, connection.documentName)
      } catch (error) {
        connection.logger.error('session re-check failed', { error })
        continue
      }
      if (!this.connections.has(connection)) continue
      if ('closeCode' in decision) {
        connection.logger.info('access ended', { closeCode: decision.closeCode, reason: decision.reason })
        connection.close(decision.closeCode, decision.reason)
      } else if (decision.principal.role !== connection.principal.role) {
        // Transient close: the client reconnects and picks up its new role.
        connection.logger.info('role changed', {
          from: connection.principal.role,
          to: decision.principal.role,
        })
        connection.close(CloseCode.policy, 'permissions changed')
      }
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
