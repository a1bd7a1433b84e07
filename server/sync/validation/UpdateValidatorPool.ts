import { Worker } from 'node:worker_threads'
import { documentOfThreads } from '../../../shared/comments/index.ts'
import { documentOfBrackets } from '../../../shared/negotiation/index.ts'
import { CloseCode } from '../../../shared/protocol/index.ts'
import type { Logger } from '../../logging/Logger.ts'
import type { ClauseProtection } from './ClauseProtection.ts'
import type { CandidateUpdate } from './DocumentShadow.ts'
import { ShadowDocuments, type ValidationRequest, type ValidationResponse } from './ShadowDocuments.ts'
import type { UpdateValidator, Verdict } from './UpdateValidator.ts'

/** A WebSocket close reason may hold at most 123 bytes (RFC 6455 §5.5). */
const maxReasonBytes = 123

function shortReason(reason: string): string {
  if (Buffer.byteLength(reason) <= maxReasonBytes) return reason
  let short = reason.slice(0, maxReasonBytes)
  while (Buffer.byteLength(`${short}…`) > maxReasonBytes) short = short.slice(0, -1)
  return `${short}…`
}

interface Waiting {
  resolve: (verdicts: Verdict[]) => void
  reject: (error: Error) => void
}

/**
 * A document whose state is larger than this is validated on the worker: seeding its shadow on the main thread
 * (again after every reset) would stall every other document.
 */
export const inlineStateLimitBytes = 512 * 1024
/** An update this large (a paste) moves its document's validation to the worker for good. */
export const inlineUpdateLimitBytes = 16 * 1024

/** Where a document's shadow lives. */
export type ShadowPlacement = 'worker' | 'inline'

/**
 * Runs update validation where it is cheapest for each document. Small documents receiving keystrokes are
 * validated inline, on the main thread: the round trip to a worker (a message each way, a thread woken, the
 * verdict arriving in a later turn that then commits on its own) cost about as much CPU as the rest of an
 * update's handling together (fan-out at 20 clients: 1.41 s of server CPU against 0.69 s inline). A document
 * that is large, receives a large update (decoding, integrating and schema-checking a 2 MB paste takes hundreds
 * of milliseconds, which on the main thread would stall every other document and the HTTP API), or whose shadow
 * had to be reset moves to the worker thread for as long as it stays loaded. One worker keeps each document's
 * requests in order. Falls back to validating inline if the worker cannot start. A worker that dies takes its
 * shadows with it: pending checks fail (their connections close with 1011) and each document is seeded again
 * from its live state.
 */
export class UpdateValidatorPool {
  private worker: Worker | null = null
  private inline: ShadowDocuments | null = null
  /** Bumped whenever the worker is replaced: every shadow seeded before then is gone. */
  generation = 0
  private nextDocument = 1
  private nextRequest = 1
  private readonly waiting = new Map<number, Waiting>()
  private destroyed = false

  constructor(
    private readonly logger: Logger,
    private readonly mode: 'worker' | 'inline' = 'worker',
    private readonly protection: ClauseProtection | null = null,
  ) {}

  /**
   * A validator for one loaded document; `readState` encodes the live document, to seed its shadow. A threads
   * channel is written by the server only, so it needs no shadow: clients' updates to it are refused outright.
   */
  forDocument(documentName: string, readState: () => Uint8Array): UpdateValidator {
    if (documentOfThreads(documentName) !== null || documentOfBrackets(documentName) !== null)
      return new ServerOnlyValidator()
    return new ShadowValidator(this, this.nextDocument++, readState, documentName, this.protection)
  }

  /** Whether documents are validated on the worker when large (otherwise everything is inline). */
  get hasWorker(): boolean {
    return this.mode === 'worker'
  }

  /** Sends a request to where the document's shadow lives; `check` requests resolve with their verdicts. */
  send(
    request: ValidationRequest,
    transfer: ArrayBuffer[] = [],
    placement: ShadowPlacement = 'worker',
  ): Promise<Verdict[]> | null {
    if (this.destroyed)
      return request.kind === 'check' ? Promise.reject(new Error('validation stopped')) : null
    const worker = placement === 'worker' ? this.ensureWorker() : null
    if (!worker) {
      const inline = this.inline ?? new ShadowDocuments()
      this.inline = inline
      const response = inline.handle(request)
      return response ? settle(response) : null
    }
    if (request.kind !== 'check') {
      worker.postMessage(request, transfer)
      return null
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject })
      worker.postMessage(request, transfer)
    })
  }

  requestId(): number {
    return this.nextRequest++
  }

  async destroy(): Promise<void> {
    this.destroyed = true
    const worker = this.worker
    this.worker = null
    this.failWaiting(new Error('validation stopped'))
    this.inline?.destroy()
    if (worker) await worker.terminate()
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.mode === 'inline') return this.worker
    try {
      const worker = new Worker(new URL('./validationWorkerEntry.mjs', import.meta.url))
      worker.unref()
      worker.on('message', (response: ValidationResponse) => {
        const waiting = this.waiting.get(response.id)
        if (!waiting) return
        this.waiting.delete(response.id)
        settle(response).then(waiting.resolve, waiting.reject)
      })
      const lost = (error: Error) => {
        if (this.worker !== worker) return
        this.logger.error('validation worker stopped', { error })
        this.worker = null
        this.generation++
        this.failWaiting(error)
      }
      worker.on('error', lost)
      worker.on('exit', (code) => lost(new Error(`validation worker exited with ${code}`)))
      this.worker = worker
      this.generation++
      return worker
    } catch (error) {
      this.logger.warn('validation worker unavailable; validating inline', { error })
      this.inline = new ShadowDocuments()
      return null
    }
  }

  private failWaiting(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error)
    this.waiting.clear()
  }
}

function settle(response: ValidationResponse): Promise<Verdict[]> {
  if (response.verdicts) {
    return Promise.resolve(
      response.verdicts.map(
        ({ refused, forbidden, brackets, written }, index): Verdict =>
          refused === null
            ? { refused: null, slices: response.slices?.[index] ?? null, brackets, written }
            : {
                refused: shortReason(refused),
                closeCode: forbidden ? CloseCode.forbidden : CloseCode.badRequest,
              },
      ),
    )
  }
  return Promise.reject(new Error(`update validation failed: ${response.error}`))
}

/**
 * The bytes in a buffer of their own, so they can be transferred: a view into a larger buffer (a frame read
 * from a socket) would transfer, or copy, all of it.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
}

class ShadowValidator implements UpdateValidator {
  /** Inline until the document proves large, gets a large update or needs a reset (see the pool). */
  placement: ShadowPlacement
  /** Where and for which worker generation the shadow was seeded; null when it must be seeded (again). */
  private seeded: { placement: ShadowPlacement; generation: number } | null = null
  /** The version of the protected clauses the shadow has; -1 when it has none (a fresh seed has none). */
  private protectedVersion = -1

  constructor(
    private readonly pool: UpdateValidatorPool,
    private readonly document: number,
    private readonly readState: () => Uint8Array,
    private readonly documentName: string,
    private readonly protection: ClauseProtection | null,
  ) {
    this.placement = 'inline'
  }

  async check(candidates: readonly CandidateUpdate[]): Promise<Verdict[]> {
    const protectedClauses = await this.protection?.current(this.documentName)
    if (candidates.some((candidate) => candidate.update.byteLength >= inlineUpdateLimitBytes))
      this.moveToWorker()
    // Seeding lazily also re-seeds after a reset or a replaced worker; the room calls this with its
    // pipeline idle, so the live state is exactly what has been stored.
    const generation = this.pool.generation
    if (
      this.seeded === null ||
      this.seeded.placement !== this.placement ||
      (this.placement === 'worker' && this.seeded.generation !== generation)
    ) {
      const state = ownBuffer(this.readState())
      if (this.placement === 'inline' && state.byteLength > inlineStateLimitBytes) this.moveToWorker()
      this.pool.send(
        { kind: 'seed', document: this.document, state },
        [state.buffer as ArrayBuffer],
        this.placement,
      )
      this.seeded = { placement: this.placement, generation: this.pool.generation }
      this.protectedVersion = -1
    }
    if (protectedClauses && protectedClauses.version !== this.protectedVersion) {
      this.pool.send(
        { kind: 'protect', document: this.document, clauses: protectedClauses.clauses },
        [],
        this.placement,
      )
      this.protectedVersion = protectedClauses.version
    }
    // Copies the shadow can own: transferred to a worker, not cloned; inline, the shadow keeps them (until it
    // compacts) and must not hold on to the socket's larger frame buffers.
    const copies = candidates.map((candidate) => ({ ...candidate, update: candidate.update.slice() }))
    const request: ValidationRequest = {
      kind: 'check',
      id: this.pool.requestId(),
      document: this.document,
      candidates: copies,
    }
    const placement = this.placement
    const sent = this.pool.send(
      request,
      placement === 'worker' ? copies.map((copy) => copy.update.buffer as ArrayBuffer) : [],
      placement,
    )
    if (!sent) throw new Error('update validation gave no answer')
    const verdicts = await sent
    // An inline shadow rolls a refused update back by rebuilding itself: a client sending refused updates on
    // purpose must not have the main thread do that again and again.
    if (placement === 'inline' && verdicts.some((verdict) => verdict.refused !== null)) this.moveToWorker()
    return verdicts
  }

  /**
   * The shadow is seeded again before the next check. An inline document moves to the worker: a client that
   * keeps sending refused updates must not make the main thread rebuild the shadow each time.
   */
  reset(): void {
    this.moveToWorker()
    this.seeded = null
  }

  destroy(): void {
    this.pool.send({ kind: 'drop', document: this.document }, [], this.placement)
  }

  private moveToWorker(): void {
    if (this.placement === 'worker' || !this.pool.hasWorker) return
    this.pool.send({ kind: 'drop', document: this.document }, [], 'inline')
    this.placement = 'worker'
    this.seeded = null
  }
}

class ServerOnlyValidator implements UpdateValidator {
  readonly placement = null
  check(candidates: readonly CandidateUpdate[]): Promise<Verdict[]> {
    return Promise.resolve(
      candidates.map(
        (candidate): Verdict =>
          candidate.trusted
            ? { refused: null, slices: null, brackets: null, written: null }
            : { refused: 'this channel is written by the server only', closeCode: CloseCode.badRequest },
      ),
    )
  }

  reset(): void {}

  destroy(): void {}
}
