import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { encodeSyncStep1 } from '../../shared/protocol/index.ts'
import { afterNextPaint } from './afterNextPaint.ts'
import { heartbeatDeadlineMs } from './watchConnection.ts'

/** Local updates closer together than this are one edit (a word typed, a paste), as people count changes. */
const editPauseMs = 1500

/** `pending` counts edits (bursts of typing), not the Yjs updates (one per keystroke) they consist of. */
export type SyncStatus =
  | { state: 'saved' }
  | { state: 'saving'; pending: number }
  | { state: 'offline'; pending: number }

/**
 * Knows when every local change is durably stored on the server, using only the stock protocol: the
 * server handles a connection's messages in order and stores an update before it handles the next
 * message, so its sync step 2 answer to a step 1 we send after our edits proves they are stored.
 */
export class SyncStatusTracker {
  private pending: number
  private edits: number
  private lastLocalUpdateAt = 0
  private probeCovers = 0
  private probeInFlight = false
  private probeTimer: ReturnType<typeof setTimeout> | null = null
  private readonly listeners = new Set<(status: SyncStatus) => void>()
  private current: SyncStatus | null = null
  private persistScheduled = false

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly provider: WebsocketProvider,
    /** Origins whose updates are not ours to save (the provider itself, the offline cache). */
    private readonly foreignOrigins: readonly unknown[],
    private readonly storageKey: string,
  ) {
    this.pending = Number(localStorage.getItem(storageKey) ?? 0) || 0
    this.edits = Math.min(
      this.pending,
      Number(localStorage.getItem(`${storageKey}:edits`) ?? 0) || this.pending,
    )
    ydoc.on('update', this.onUpdate)
    provider.on('sync', this.onSync)
    provider.on('status', this.onStatus)
    addEventListener('pagehide', this.persist)
  }

  /** The same object until something changes, as React's useSyncExternalStore requires. */
  get status(): SyncStatus {
    const next = this.computeStatus()
    const current = this.current
    if (
      !current ||
      current.state !== next.state ||
      ('pending' in current && 'pending' in next && current.pending !== next.pending)
    ) {
      this.current = next
    }
    return this.current!
  }

  private computeStatus(): SyncStatus {
    const silent = Date.now() - this.provider.wsLastMessageReceived > heartbeatDeadlineMs
    if (!this.provider.wsconnected || !navigator.onLine || silent) {
      return { state: 'offline', pending: this.edits }
    }
    // A probe in flight flips `synced` off on purpose; that alone is not a reason to say "Saving".
    if (this.pending > 0 || (!this.provider.synced && !this.probeInFlight)) {
      return { state: 'saving', pending: this.edits }
    }
    return { state: 'saved' }
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Re-reads the connection (the browser's online state or the heartbeat changed). */
  refresh(): void {
    this.emit()
  }

  destroy(): void {
    if (this.persistScheduled) this.persist()
    removeEventListener('pagehide', this.persist)
    if (this.probeTimer) clearTimeout(this.probeTimer)
    this.ydoc.off('update', this.onUpdate)
    this.provider.off('sync', this.onSync)
    this.provider.off('status', this.onStatus)
    this.listeners.clear()
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || this.foreignOrigins.includes(origin)) return
    const now = Date.now()
    if (this.pending === 0 || now - this.lastLocalUpdateAt > editPauseMs) this.edits++
    this.lastLocalUpdateAt = now
    this.setPending(this.pending + 1)
    this.scheduleProbe()
  }

  private readonly onSync = (synced: boolean): void => {
    if (!synced) return
    if (this.probeInFlight) {
      this.probeInFlight = false
      this.setPending(this.pending - this.probeCovers)
      this.probeCovers = 0
    }
    if (this.pending > 0) this.scheduleProbe()
    this.emit()
  }

  private readonly onStatus = (): void => {
    if (!this.provider.wsconnected) {
      this.probeInFlight = false
      this.probeCovers = 0
    }
    this.emit()
  }

  private scheduleProbe(): void {
    if (this.probeTimer || this.probeInFlight) return
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null
      this.probe()
    }, 0)
  }

  private probe(): void {
    const socket = this.provider.ws
    // Without a synced connection the provider's own handshake comes first; onSync probes after it.
    if (!socket || !this.provider.wsconnected || !this.provider.synced || this.pending === 0) return
    this.probeCovers = this.pending
    this.probeInFlight = true
    // Our step 1 is answered by a step 2, which the provider reports by flipping `synced` back to true.
    this.provider.synced = false
    socket.send(encodeSyncStep1(Y.encodeStateVector(this.ydoc)))
  }

  private setPending(value: number): void {
    this.pending = Math.max(0, value)
    // Part of the edits may be stored; never claim more edits than updates still waiting.
    this.edits = this.pending === 0 ? 0 : Math.max(1, Math.min(this.edits, this.pending))
    // Written after the frame, once for a burst: two synchronous storage writes were in every keystroke's task.
    if (!this.persistScheduled) afterNextPaint(this.persist)
    this.persistScheduled = true
    this.emit()
  }

  /** Keeps the counts for the next visit (what a reload finds still unsaved). */
  private readonly persist = (): void => {
    this.persistScheduled = false
    if (this.pending === 0) {
      localStorage.removeItem(this.storageKey)
      localStorage.removeItem(`${this.storageKey}:edits`)
    } else {
      localStorage.setItem(this.storageKey, String(this.pending))
      localStorage.setItem(`${this.storageKey}:edits`, String(this.edits))
    }
  }

  private emit(): void {
    const status = this.status
    for (const listener of this.listeners) listener(status)
  }
}
