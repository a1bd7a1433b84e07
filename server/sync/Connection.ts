import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { colorFor } from '../../shared/presence/delegationColors.ts'
import {
  type AwarenessEntry,
  CloseCode,
  decodeAwarenessEntries,
  decodeFrame,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  MessageType,
  ProtocolError,
} from '../../shared/protocol/index.ts'
import { canEditText } from '../../shared/roles/index.ts'
import type { Logger } from '../logging/Logger.ts'
import type { Principal } from './Principal.ts'
import type { Room } from './Room.ts'
import type { RoomMember } from './RoomMember.ts'
import { TransactionOrigin } from './TransactionOrigin.ts'

/** An update that carries no structs and no deletions: what a client sends when it has nothing new. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/**
 * One client's WebSocket on one document. Its messages take effect strictly in arrival order: an update is
 * validated and handed to the room at once (the room stores and applies updates in submission order, so
 * one connection's burst of updates shares one store transaction), and anything else that follows an
 * update still being stored (awareness, the reply to a sync step 1) waits until that update is durable and
 * applied. So the reply to a sync step 1 proves that every update the client sent before it is stored.
 */
export class Connection implements RoomMember {
  /** The origin of this connection's changes, one object for its lifetime (the room compares by identity). */
  readonly origin = TransactionOrigin.client(this)
  alive = true
  private room: Room | null = null
  private closed = false
  /** Frames received before the room is attached, handled in order on attach. */
  private early: Uint8Array[] | null = []
  /** Updates submitted and deferred steps not yet done; while > 0, later non-update steps wait. */
  private inFlight = 0
  /** Settles after every update submitted and every step deferred so far (the latest in the chain). */
  private tail: Promise<void> = Promise.resolve()
  private readonly onFailure = (error: unknown): void => this.fail(error)
  private readonly settleOne = (): void => {
    this.inFlight--
  }

  /** Set from the server's limits: see `SyncLimits.maxDocumentBytes` and `maxBufferedBytes`. */
  maxDocumentBytes = Number.POSITIVE_INFINITY
  maxBufferedBytes = Number.POSITIVE_INFINITY

  constructor(
    readonly socket: WebSocket,
    readonly documentName: string,
    readonly principal: Principal,
    readonly logger: Logger,
  ) {}

  get canEdit(): boolean {
    const access = this.principal.textAccess
    return access === undefined ? canEditText(this.principal.role) : access !== 'none'
  }

  /** Attaches the loaded room: sends our sync step 1 and the current awareness, as the protocol expects. */
  attach(room: Room): void {
    this.room = room
    room.join(this)
    this.send(encodeSyncStep1(room.encodeStateVector()))
    if (room.hasAwareness) this.send(room.encodeAwarenessFrame())
    const early = this.early ?? []
    this.early = null
    for (const data of early) this.receive(data)
  }

  /** The room could not be loaded; queued frames are dropped and the connection closed. */
  abandon(_error: unknown): void {
    this.early = null
  }

  /** Handles a frame in order; a bad one closes this connection only. */
  receive(data: Uint8Array): void {
    if (this.closed) return
    if (this.early) {
      this.early.push(data)
      return
    }
    const room = this.room
    if (!room) return
    try {
      this.handle(data, room)
    } catch (error) {
      this.fail(error)
    }
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message, { binary: true })
    // A reader that cannot keep up is closed, never silently skipped: it reconnects and resyncs everything.
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CloseCode.policy, 'slow consumer')
      // It is not reading, so it will not answer the closing handshake either: do not wait 30 s for it.
      setTimeout(() => this.socket.terminate(), 1000).unref()
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, reason)
  }

  /** Detaches from the room; called once the socket is closed. */
  detach(): void {
    this.closed = true
    this.early = null
    const room = this.room
    if (!room) return
    room.leave(this)
  }

  /** Runs `step` now if nothing before it is still being stored, else once all of that is done. */
  private inOrder(step: () => void): void {
    if (this.inFlight === 0) {
      step()
      return
    }
    this.inFlight++
    const next = this.tail.then(() => {
      this.inFlight--
      if (!this.closed) step()
    })
    next.catch(this.onFailure)
    this.tail = next
  }

  private fail(error: unknown): void {
    if (this.closed) return
    if (error instanceof ProtocolError) {
      this.logger.warn('protocol error', { reason: error.message, closeCode: error.closeCode })
      this.close(error.closeCode, error.message)
    } else {
      this.logger.error('connection failed', { error })
      this.close(CloseCode.internalError, 'internal error')
    }
  }

  private handle(data: Uint8Array, room: Room): void {
    const message = decodeFrame(data)
    switch (message.type) {
      case 'syncStep1': {
        const { stateVector } = message
        this.inOrder(() => this.answerStep1(room, stateVector))
        break
      }
      case 'syncStep2':
      case 'update': {
        if (isEmptyUpdate(message.update)) return
        const update = message.update
        if (!this.canEdit) {
          this.inOrder(() => this.refuseUpdate(room, update))
          return
        }
        if (room.storedBytes + update.byteLength > this.maxDocumentBytes) {
          throw new ProtocolError('document is at its size limit', CloseCode.messageTooBig)
        }
        // Submitted at once: the room keeps submission order, so this needs no waiting. The room validates
        // it (off the main thread) before storing it; a refusal or a storage failure closes the connection,
        // and the room refuses this connection's later updates.
        this.inFlight++
        const stored = room.submit(update, this.origin)
        stored.then(this.settleOne, this.onFailure)
        this.tail = stored
        break
      }
      case 'awareness': {
        const { update } = message
        this.inOrder(() => {
          try {
            this.handleAwareness(update, room)
          } catch (error) {
            this.fail(error)
          }
        })
        break
      }
      case 'queryAwareness':
        this.inOrder(() => this.send(room.encodeAwarenessFrame()))
        break
      case 'permissionDenied':
        // Auth frames go from the server to clients only.
        throw new ProtocolError(`unknown message type ${MessageType.auth}`)
    }
  }

  private answerStep1(room: Room, stateVector: Uint8Array): void {
    let update: Uint8Array
    try {
      update = room.encodeStateAsUpdate(stateVector)
    } catch {
      this.fail(new ProtocolError('malformed state vector'))
      return
    }
    this.send(encodeSyncStep2(update))
  }

  /**
   * A read-only connection's update is never applied, stored or relayed. A stock client answers our
   * sync step 1 with what it has, so an update that adds nothing new is not an offence.
   */
  private refuseUpdate(room: Room, update: Uint8Array): void {
    let adds: boolean
    try {
      adds = addsContent(room.ydoc, update)
    } catch {
      throw new ProtocolError('malformed update')
    }
    if (!adds) return
    this.logger.warn('refused update from read-only connection', { role: this.principal.role })
    this.send(encodePermissionDenied('read-only: your role cannot edit the text'))
  }

  /**
   * Applies an awareness update after two checks: the room lets a connection publish only client ids it
   * introduced (so it cannot remove or rewrite someone else's presence), and the `user` field is replaced by
   * the identity from the session, so nobody can pose as someone else.
   */
  private handleAwareness(update: Uint8Array, room: Room): void {
    const entries: AwarenessEntry[] = decodeAwarenessEntries(update).map((entry) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(entry.state)
      } catch {
        throw new ProtocolError('malformed awareness update')
      }
      const state =
        parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
          ? JSON.stringify({ ...parsed, user: this.presenceIdentity })
          : 'null'
      return { ...entry, state }
    })
    room.publishAwareness(this, entries)
  }

  private get presenceIdentity(): Record<string, string | null> {
    const { name, delegation, role } = this.principal
    return { name, delegation, role, color: delegation ? colorFor(delegation, name) : '#6b7280' }
  }
}

/** True if applying `update` would insert or delete anything `ydoc` does not already have. */
function addsContent(ydoc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(ydoc)))
  if (structs.length > 0) return true
  const known = Y.createDeleteSetFromStructStore(ydoc.store)
  for (const [client, deletions] of ds.clients) {
    const knownDeletions = known.clients.get(client) ?? []
    for (const deletion of deletions) {
      const covered = knownDeletions.some(
        (range) => range.clock <= deletion.clock && deletion.clock + deletion.len <= range.clock + range.len,
      )
      if (!covered) return true
    }
  }
  return false
}
