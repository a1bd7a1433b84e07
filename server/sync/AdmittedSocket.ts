import type { RawData, WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/index.ts'
import type { SyncLimits } from '../config.ts'
import type { Logger } from '../logging/Logger.ts'
import type { Metrics } from '../observability/Metrics.ts'
import { refuseSocket } from './refuseSocket.ts'

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/** Where an admitted socket's frames go once the connection exists. */
export interface FrameReceiver {
  receive(data: Uint8Array): void
  close(code: number, reason: string): void
}

/**
 * The per-socket limits of `Admission`, from the upgrade until the socket closes. Until the document is ready,
 * frames wait in memory: they are bounded in bytes (1008) and in time (4408 or 1013). From the upgrade on, a
 * token bucket bounds the frame rate (4429), and only binary frames are part of the protocol (4400): frames
 * that wait count as much as frames handled at once, or a flood sent during authentication would be answered
 * in full once the document is ready.
 */
export class AdmittedSocket {
  private ready = false
  private authenticated = false
  private waitingBytes = 0
  private readonly deadline: NodeJS.Timeout
  /** Frames that arrive while we authenticate are kept, in order, until the connection exists. */
  private readonly early: Uint8Array[] = []
  /** A sustained rate with room for bursts (e.g. a client flushing its offline edits); above it 4429. */
  private readonly bucket: { tokens: number; refilledAt: number }
  private readonly keepEarly = (data: RawData, isBinary: boolean): void => {
    const refusal = this.refusalOf(isBinary)
    if (refusal) refuseSocket(this.webSocket, refusal.code, refusal.reason, this.logger)
    else if (!this.overBudget(data)) this.early.push(toUint8Array(data))
  }

  constructor(
    private readonly webSocket: WebSocket,
    private readonly limits: SyncLimits,
    private readonly logger: Logger,
    private readonly metrics: Metrics | undefined,
    /** Counts the socket against its account's limit; false if refused (the socket is then closing). */
    readonly admitAccount: (userId: string) => boolean,
  ) {
    this.bucket = { tokens: limits.messageBurst, refilledAt: performance.now() }
    this.deadline = setTimeout(() => {
      if (this.ready) return
      // Authentication is the client's part (terminal 4408); a slow load is ours, so the client may retry (1013).
      if (!this.authenticated)
        refuseSocket(webSocket, CloseCode.authTimeout, 'authentication took too long', logger)
      else refuseSocket(webSocket, CloseCode.tryAgainLater, 'the document is taking too long to load', logger)
    }, limits.authDeadlineMs)
    this.deadline.unref()
    webSocket.once('close', () => clearTimeout(this.deadline))
    webSocket.on('message', this.keepEarly)
  }

  /** Authentication succeeded: from now on, a missed deadline is a slow load, not a slow client. */
  markAuthenticated(): void {
    this.authenticated = true
  }

  /**
   * Stops holding frames: returns those received so far, in order, and hands every later frame that is within
   * the limits to `receiver`.
   */
  forward(receiver: FrameReceiver): Uint8Array[] {
    this.webSocket.off('message', this.keepEarly)
    this.webSocket.on('message', (data: RawData, isBinary: boolean) => {
      const refusal = this.refusalOf(isBinary)
      if (refusal) {
        receiver.close(refusal.code, refusal.reason)
        return
      }
      if (this.overBudget(data)) return
      receiver.receive(toUint8Array(data))
    })
    return this.early.splice(0)
  }

  /** Counts a frame against the rate; why it is refused (text, or over the rate), or null. */
  private refusalOf(isBinary: boolean): { code: number; reason: string } | null {
    this.metrics?.increment('charterdesk_messages_received_total', 'Frames received from clients')
    if (!isBinary) return { code: CloseCode.badRequest, reason: 'text frames are not part of the protocol' }
    const { bucket, limits } = this
    const now = performance.now()
    bucket.tokens = Math.min(
      limits.messageBurst,
      bucket.tokens + ((now - bucket.refilledAt) / 1000) * limits.messagesPerSecond,
    )
    bucket.refilledAt = now
    if (bucket.tokens < 1) return { code: CloseCode.rateLimited, reason: 'too many messages' }
    bucket.tokens -= 1
    return null
  }

  /** The document is loaded and attached: the pre-ready budget and the deadline no longer apply. */
  markReady(): void {
    this.ready = true
    clearTimeout(this.deadline)
  }

  private overBudget(data: RawData): boolean {
    if (this.ready) return false
    this.waitingBytes += toUint8Array(data).byteLength
    if (this.waitingBytes <= this.limits.preAuthBudgetBytes) return false
    refuseSocket(this.webSocket, CloseCode.policy, 'too much data before the document was ready', this.logger)
    return true
  }
}
