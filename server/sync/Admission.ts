import type { WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/index.ts'
import type { SyncLimits } from '../config.ts'
import type { Logger } from '../logging/Logger.ts'
import type { Metrics } from '../observability/Metrics.ts'
import { AdmittedSocket } from './AdmittedSocket.ts'
import { refuseSocket } from './refuseSocket.ts'

function count(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta
  if (next > 0) counts.set(key, next)
  else counts.delete(key)
}

/**
 * The sync server's gate: how many sockets one address and one account may hold, and (per socket, see
 * `AdmittedSocket`) how much a client may send before its document is ready, how long authentication and
 * loading may take, and how fast it may send frames. Each limit refuses with its own close code.
 */
export class Admission {
  private readonly perAddress = new Map<string, number>()
  private readonly perAccount = new Map<string, number>()

  constructor(
    private readonly limits: SyncLimits,
    private readonly metrics?: Metrics,
  ) {}

  /**
   * Counts a new socket against its address, or refuses it with 1008 when the address is at its limit: a
   * runaway script or a flood from one host must not use up the server's sockets and memory before anyone has
   * even authenticated.
   */
  admit(webSocket: WebSocket, address: string, logger: Logger): AdmittedSocket | null {
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
      refuseSocket(webSocket, CloseCode.policy, 'too many connections from this address', logger)
      return null
    }
    count(this.perAddress, address, 1)
    webSocket.on('close', () => count(this.perAddress, address, -1))
    return new AdmittedSocket(webSocket, this.limits, logger, this.metrics, (userId) =>
      this.admitAccount(webSocket, userId, logger),
    )
  }

  /** One person rarely has more than a few windows open; more is a script gone wrong (1008, retry later). */
  private admitAccount(webSocket: WebSocket, userId: string, logger: Logger): boolean {
    if ((this.perAccount.get(userId) ?? 0) >= this.limits.maxConnectionsPerUser) {
      refuseSocket(webSocket, CloseCode.policy, 'too many connections for this account', logger)
      return false
    }
    count(this.perAccount, userId, 1)
    webSocket.once('close', () => count(this.perAccount, userId, -1))
    return true
  }
}
