import type { ClusterBus, ClusterMessageListener } from '../../server/cluster/ClusterBus.ts'
import type { ClusterMessage } from '../../server/cluster/ClusterMessage.ts'

/** Fault injection: a bus that silently drops every `dropEvery`-th message it would publish. */
export class LossyClusterBus implements ClusterBus {
  private published = 0
  dropped = 0

  constructor(
    private readonly inner: ClusterBus,
    private readonly dropEvery: number,
  ) {}

  get instanceId(): string {
    return this.inner.instanceId
  }

  get healthy(): boolean {
    return this.inner.healthy
  }

  start(listener: ClusterMessageListener): Promise<void> {
    return this.inner.start(listener)
  }

  watch(documentName: string): Promise<void> {
    return this.inner.watch(documentName)
  }

  unwatch(documentName: string): Promise<void> {
    return this.inner.unwatch(documentName)
  }

  publish(message: ClusterMessage): void {
    this.published++
    if (this.published % this.dropEvery === 0) {
      this.dropped++
      return
    }
    this.inner.publish(message)
  }

  onResumed(listener: () => void): void {
    this.inner.onResumed(listener)
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}
