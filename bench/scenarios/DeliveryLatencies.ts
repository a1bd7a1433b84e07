import { percentile } from '../stats/percentile.ts'

/**
 * Latencies of (edit, peer) arrivals, also kept apart for the arrivals whose author and receiver reached
 * different server instances: on a cluster those crossed the bus (Redis), the others only their own instance.
 */
export class DeliveryLatencies {
  private readonly all: number[] = []
  private readonly crossInstance: number[] = []

  record(latencyMs: number, authorInstance: number, receiverInstance: number): void {
    this.all.push(latencyMs)
    if (authorInstance !== receiverInstance) this.crossInstance.push(latencyMs)
  }

  get count(): number {
    return this.all.length
  }

  /** The cross-instance figures are NaN (shown as —) where no arrival crossed, e.g. on a single process. */
  metrics(): {
    deliveryP50Ms: number
    deliveryP99Ms: number
    crossInstanceP50Ms: number
    crossInstanceP99Ms: number
    crossInstanceDeliveries: number
  } {
    return {
      deliveryP50Ms: percentile(this.all, 50),
      deliveryP99Ms: percentile(this.all, 99),
      crossInstanceP50Ms: percentile(this.crossInstance, 50),
      crossInstanceP99Ms: percentile(this.crossInstance, 99),
      crossInstanceDeliveries: this.crossInstance.length,
    }
  }
}
