import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { colorFor } from '../../shared/presence/delegationColors.ts'
import { CloseCode, MessageType, SyncMessageType } from '../../shared/protocol/index.ts'
import { canEditText } from '../../shared/roles/index.ts'
import type { Logger } from '../logging/Logger.ts'
import type { Principal } from './Principal.ts'
import { ProtocolError } from './ProtocolError.ts'
import type { Room, RoomMember } from './Room.ts'

/** An update that carries no structs and no deletions: what a client sends when it has nothing new. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/**
 * One client's WebSocket on one document. Its messages are handled strictly in arrival order, so the reply
 * to a sync step 1 proves that every update the client sent before it is durably stored.
 */
export class Connection implements RoomMember {
  /** Awareness client ids this connection has published; removed when it goes away. */
  readonly awarenessClientIds = new Set<number>()
  alive = true
  private queue: Promise<void> = Promise.resolve()
  private room: Room | null = null
  private closed = false
  private markReady!: (room: Room) => void
  private markFailed!: (error: unknown) => void
  /** Resolves once our own sync step 1 has been sent, so every reply we send comes after it. */
  private readonly ready = new Promise<Room>((resolve, reject) => {
    this.markReady = resolve
    this.markFailed = reject
  })

  constructor(
    readonly socket: WebSocket,
    readonly documentName: string,
    readonly principal: Principal,
    readonly logger: Logger,
  ) {}

  get canEdit(): boolean {
    return canEditText(this.principal.role)
  }

  /** Attaches the loaded room: sends our sync step 1 and the current awareness, as the protocol expects. */
  attach(room: Room): void {
    this.room = room
    room.members.add(this)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, SyncMessageType.step1)
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(room.ydoc))
    this.send(encoding.toUint8Array(encoder))
    const states = room.awareness.getStates()
    if (states.size > 0) this.send(this.encodeAwareness(room, [...states.keys()]))
    this.markReady(room)
  }

  /** The room could not be loaded; queued frames are dropped and the connection closed. */
  abandon(error: unknown): void {
    this.ready.catch(() => {})
    this.markFailed(error)
  }

  /** Queues a frame; frames are handled one at a time and a bad one closes this connection only. */
  receive(data: Uint8Array): void {
    this.queue = this.queue
      .then(async () => {
        const room = await this.ready
        if (this.closed) return
        await this.handle(data, room)
      })
      .catch((error: unknown) => this.fail(error))
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message, { binary: true })
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, reason)
  }

  /** Detaches from the room; called once the socket is closed. */
  detach(): void {
    this.closed = true
    const room = this.room
    if (!room) return
    room.members.delete(this)
    if (this.awarenessClientIds.size > 0) {
      for (const clientId of this.awarenessClientIds) room.awarenessOwners.delete(clientId)
      awarenessProtocol.removeAwarenessStates(room.awareness, [...this.awarenessClientIds], this)
    }
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

  private async handle(data: Uint8Array, room: Room): Promise<void> {
    const message = parseMessage(data)
    switch (message.kind) {
      case 'syncStep1': {
        let update: Uint8Array
        try {
          update = room.encodeStateAsUpdate(message.stateVector)
        } catch {
          throw new ProtocolError('malformed state vector')
        }
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageType.sync)
        encoding.writeVarUint(encoder, SyncMessageType.step2)
        encoding.writeVarUint8Array(encoder, update)
        this.send(encoding.toUint8Array(encoder))
        break
      }
      case 'update':
        if (isEmptyUpdate(message.update)) return
        validateUpdate(message.update)
        if (!this.canEdit) {
          this.refuseUpdate(room, message.update)
          return
        }
        await room.submit(message.update, this)
        break
      case 'awareness':
        this.handleAwareness(message.update, room)
        break
      case 'queryAwareness':
        this.send(this.encodeAwareness(room, [...room.awareness.getStates().keys()]))
        break
    }
  }

  /**
   * A read-only connection's update is never applied, stored or relayed. A stock client answers our
   * sync step 1 with what it has, so an update that adds nothing new is not an offence.
   */
  private refuseUpdate(room: Room, update: Uint8Array): void {
    if (!addsContent(room.ydoc, update)) return
    this.logger.warn('refused update from read-only connection', { role: this.principal.role })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.auth)
    authProtocol.writePermissionDenied(encoder, 'read-only: your role cannot edit the text')
    this.send(encoding.toUint8Array(encoder))
  }

  /**
   * Applies an awareness update after two checks: a connection may only publish client ids it introduced
   * (so it cannot remove or rewrite someone else's presence), and the `user` field is replaced by the
   * identity from the session, so nobody can pose as someone else.
   */
  private handleAwareness(update: Uint8Array, room: Room): void {
    const entries: { clientId: number; clock: number; state: string }[] = []
    try {
      const decoder = decoding.createDecoder(update)
      const count = decoding.readVarUint(decoder)
      for (let index = 0; index < count; index++) {
        const clientId = decoding.readVarUint(decoder)
        const clock = decoding.readVarUint(decoder)
        const parsed: unknown = JSON.parse(decoding.readVarString(decoder))
        const owner = room.awarenessOwners.get(clientId)
        if (owner !== undefined && owner !== this) continue
        room.awarenessOwners.set(clientId, this)
        this.awarenessClientIds.add(clientId)
        const state =
          parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
            ? JSON.stringify({ ...parsed, user: this.presenceIdentity })
            : 'null'
        entries.push({ clientId, clock, state })
      }
      if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    } catch {
      throw new ProtocolError('malformed awareness update')
    }
    if (entries.length === 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, entries.length)
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarString(encoder, entry.state)
    }
    awarenessProtocol.applyAwarenessUpdate(room.awareness, encoding.toUint8Array(encoder), this)
  }

  private get presenceIdentity(): Record<string, string | null> {
    const { name, delegation, role } = this.principal
    return { name, delegation, role, color: delegation ? colorFor(delegation, name) : '#6b7280' }
  }

  private encodeAwareness(room: Room, clientIds: number[]): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(room.awareness, clientIds))
    return encoding.toUint8Array(encoder)
  }
}

type ParsedMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }

/** Decodes a frame's envelope; any malformation, including trailing bytes, is a ProtocolError. */
function parseMessage(data: Uint8Array): ParsedMessage {
  let message: ParsedMessage
  const decoder = decoding.createDecoder(data)
  try {
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.sync) {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === SyncMessageType.step1) message = { kind: 'syncStep1', stateVector: payload }
      else if (syncType === SyncMessageType.step2 || syncType === SyncMessageType.update) {
        message = { kind: 'update', update: payload }
      } else throw new ProtocolError(`unknown sync message type ${syncType}`)
    } else if (type === MessageType.awareness) {
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    } else if (type === MessageType.queryAwareness) {
      message = { kind: 'queryAwareness' }
    } else throw new ProtocolError(`unknown message type ${type}`)
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformed message')
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
  return message
}

/** Decodes the whole update so a malformed one is refused before it is stored. */
function validateUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update)
  } catch {
    throw new ProtocolError('malformed update')
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
