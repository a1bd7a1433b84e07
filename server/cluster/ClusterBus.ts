import type { ClusterMessage } from './ClusterMessage.ts'

export type ClusterMessageListener = (message: ClusterMessage) => void

/**
 * The doorbell between instances (pub/sub). Delivery is at most once and may stop for a while; the listener must
 * never rely on it for correctness (see `DocumentReplication`). Messages of a document reach an instance only
 * while it watches that document; `access` messages always do.
 */
export interface ClusterBus {
  /** Unique per process; also the `instance` label of metrics and the `instance` field of logs. */
  readonly instanceId: string
  /** Starts delivering messages to `listener` (one listener per bus). Resolves once connected. */
  start(listener: ClusterMessageListener): Promise<void>
  /** Starts delivering the document's messages; resolves once subscribed, so a load that follows misses none. */
  watch(documentName: string): Promise<void>
  unwatch(documentName: string): Promise<void>
  /** Fire and forget: never throws, never waits for the network (a lost message is repaired from the store). */
  publish(message: ClusterMessage): void
  /** Called after delivery may have been interrupted (a reconnect): messages in between may be lost. */
  onResumed(listener: () => void): void
  /** True if the bus can deliver right now (readiness). */
  readonly healthy: boolean
  close(): Promise<void>
}
