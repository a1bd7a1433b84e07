import type { ClusterBus, ClusterMessageListener } from './ClusterBus.ts'
import type { ClusterMessage } from './ClusterMessage.ts'

/**
 * The bus of one process (the default, no Redis): with a single instance there is nobody to tell, so
 * `publish` only reaches other buses created on the same `network`, which lets tests run several instances in
 * one process. Delivery is asynchronous (next microtask), like a real network.
 */
export class MemoryClusterBus implements ClusterBus {
  readonly healthy = true
  private listener: ClusterMessageListener | null = null
  private readonly watched = new Set<string>()

  constructor(
    readonly instanceId: string,
    private readonly network: Set<MemoryClusterBus> = new Set(),
  ) {}

  async start(listener: ClusterMessageListener): Promise<void> {
    this.listener = listener
    this.network.add(this)
  }

  async watch(documentName: string): Promise<void> {
    this.watched.add(documentName)
  }

  async unwatch(documentName: string): Promise<void> {
    this.watched.delete(documentName)
  }

  publish(message: ClusterMessage): void {
    for (const peer of this.network) {
      if (peer !== this) queueMicrotask(() => peer.deliver(message))
    }
  }

  onResumed(_listener: () => void): void {
    // Never interrupted.
  }

  async close(): Promise<void> {
    this.network.delete(this)
    this.listener = null
  }

  private deliver(message: ClusterMessage): void {
    if (message.kind !== 'access' && !this.watched.has(message.documentName)) return
    this.listener?.(message)
  }
}
