import { CloseCode } from '../../shared/protocol/index.ts'
import type { Connection } from './Connection.ts'
import type { Principal } from './Principal.ts'
import type { UpgradeDecision } from './SyncServer.ts'

/** Re-checks an open connection's session and access (the stores are asynchronous). */
export type Revalidate = (principal: Principal, documentName: string) => Promise<UpgradeDecision>

/** What the re-check needs of a connection. */
export type RecheckedConnection = Pick<Connection, 'principal' | 'documentName' | 'logger' | 'close'>

/**
 * Without a word of a change, every connection is still re-checked this often: sessions and tokens expire, and
 * a store without `changedElsewhere` (PostgreSQL) cannot tell of the admin CLI's changes.
 */
export const recheckSafetyNetMs = 60_000

/**
 * Re-checks open connections, so revocations and role changes apply within seconds: a refused connection
 * closes with the refusal's code, a changed role with 1008 (the client reconnects with its new role). Changes
 * made through the server ask for a run at once (`run(true)`). The periodic tick runs only when the database
 * was changed by another process (`changedElsewhere`) or the safety net is due: re-checking 1,000 open
 * documents every two seconds when nothing changed cost more CPU than opening them. A slow store must not pile
 * up re-checks: connections are checked one after another, and a tick is skipped while a run is going.
 */
export class SessionRecheck {
  private readonly timer: NodeJS.Timeout
  private running = false
  /** A run was asked for while one was going (an access change elsewhere): run once more right after. */
  private again = false
  /** Passes over the connections started so far (see `passesStarted`). */
  private passes = 0
  private lastRunAt = performance.now()

  constructor(
    private readonly connections: ReadonlySet<RecheckedConnection>,
    private readonly revalidate: Revalidate,
    intervalMs: number,
    private readonly changedElsewhere?: () => boolean,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs)
    this.timer.unref()
  }

  private tick(): void {
    if (this.connections.size === 0) return
    // Asked every tick, so a change is seen once, at the next tick after it.
    const changed = this.changedElsewhere?.() ?? true
    if (changed || this.sessionExpired() || performance.now() - this.lastRunAt >= recheckSafetyNetMs)
      void this.run()
  }

  private sessionExpired(): boolean {
    const now = Date.now()
    for (const { principal } of this.connections)
      if (principal.sessionExpiresAt !== undefined && principal.sessionExpiresAt <= now) return true
    return false
  }

  /**
   * Checks every open connection once. While a run is going, a periodic tick is skipped; an explicit request
   * (`again`) makes one more run follow, so a change made during a run is never missed.
   */
  async run(again = false): Promise<void> {
    if (this.running) {
      this.again ||= again
      return
    }
    this.running = true
    this.lastRunAt = performance.now()
    try {
      do {
        this.again = false
        this.passes++
        // Sockets that share a session and a document share one answer per run: 200 tabs of one person (or
        // 1,500 bench clients on one token) cost one session and one catalog lookup per document, not one each.
        const decisions = new Map<string, Promise<UpgradeDecision>>()
        for (const connection of [...this.connections]) await this.check(connection, decisions)
      } while (this.again)
    } finally {
      this.running = false
    }
  }

  /** Without a session the answer is the connection's own principal, so it is never shared. */
  private decisionFor(
    { principal, documentName }: RecheckedConnection,
    decisions: Map<string, Promise<UpgradeDecision>>,
  ): Promise<UpgradeDecision> {
    if (principal.sessionId === null) return this.revalidate(principal, documentName)
    const key = `${principal.userId}\u0000${principal.sessionId}\u0000${documentName}`
    let decision = decisions.get(key)
    if (!decision) {
      decision = this.revalidate(principal, documentName)
      decisions.set(key, decision)
    }
    return decision
  }

  /**
   * Passes started so far. A socket authenticated before a pass and added to the connections after the pass
   * read them was not checked by it: compare the count from before its authentication with the count after
   * it joined, and `checkLate` it if they differ.
   */
  get passesStarted(): number {
    return this.passes
  }

  /** Checks one connection that joined after a pass had read the connections (see `passesStarted`). */
  checkLate(connection: RecheckedConnection): Promise<void> {
    return this.check(connection, new Map())
  }

  destroy(): void {
    clearInterval(this.timer)
  }

  private async check(
    connection: RecheckedConnection,
    decisions: Map<string, Promise<UpgradeDecision>>,
  ): Promise<void> {
    let decision: UpgradeDecision
    try {
      decision = await this.decisionFor(connection, decisions)
    } catch (error) {
      connection.logger.error('session re-check failed', { error })
      return
    }
    // It may have closed while we waited.
    if (!this.connections.has(connection)) return
    if ('closeCode' in decision) {
      connection.logger.info('access ended', { closeCode: decision.closeCode, reason: decision.reason })
      connection.close(decision.closeCode, decision.reason)
    } else if (
      decision.principal.role !== connection.principal.role ||
      decision.principal.textAccess !== connection.principal.textAccess
    ) {
      // Transient close: the client reconnects and picks up its new role.
      connection.logger.info('role changed', {
        from: connection.principal.role,
        to: decision.principal.role,
      })
      connection.close(CloseCode.policy, 'permissions changed')
    }
  }
}
