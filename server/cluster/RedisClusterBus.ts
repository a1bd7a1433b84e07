import { createClient } from 'redis'
import type { Logger } from '../logging/Logger.ts'
import type { ClusterBus, ClusterMessageListener } from './ClusterBus.ts'
import type { ClusterMessage } from './ClusterMessage.ts'
import { clusterMessageCodec } from './clusterMessageCodec.ts'

type RedisClient = ReturnType<typeof createClient>

export interface RedisClusterBusOptions {
  url: string
  instanceId: string
  /** Prefix of every channel name, so several deployments (or tests) can share one Redis. */
  channelPrefix: string
  logger: Logger
}

/**
 * Pub/sub over Redis (node-redis; subscribing needs its own connection). A channel per document
 * (`<prefix>doc:<name>`) and one for access changes (`<prefix>access`). Publishing never queues while Redis is
 * unreachable (the offline queue is off): a message that cannot go now is dropped, and receivers repair from the
 * store. After a reconnect the subscriber re-subscribes (node-redis does) and `onResumed` listeners run, so every
 * instance re-reads what it may have missed.
 */
export class RedisClusterBus implements ClusterBus {
  readonly instanceId: string
  private readonly publisher: RedisClient
  private readonly subscriber: RedisClient
  private listener: ClusterMessageListener | null = null
  private readonly resumedListeners: (() => void)[] = []
  private readonly watched = new Set<string>()
  private everReady = false
  private closed = false

  constructor(private readonly options: RedisClusterBusOptions) {
    this.instanceId = options.instanceId
    const clientOptions = {
      url: options.url,
      disableOfflineQueue: true,
      // Notices a dead connection (a cut network, not only a closed socket) within seconds.
      pingInterval: 1000,
      socket: {
        connectTimeout: 2000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
      },
    }
    this.publisher = createClient(clientOptions)
    this.subscriber = createClient(clientOptions)
    for (const [role, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      // Without an 'error' listener node-redis would throw; reconnecting is its own business.
      client.on('error', (error: unknown) => {
        if (!this.closed) options.logger.warn('redis connection error', { role, error })
      })
    }
    this.subscriber.on('ready', () => {
      if (this.everReady) {
        options.logger.info('redis subscriber reconnected; repairing from the store')
        for (const resumed of this.resumedListeners) resumed()
      }
      this.everReady = true
    })
  }

  get healthy(): boolean {
    return this.publisher.isReady && this.subscriber.isReady
  }

  async start(listener: ClusterMessageListener): Promise<void> {
    this.listener = listener
    await Promise.all([this.publisher.connect(), this.subscriber.connect()])
    await this.subscriber.subscribe(this.channel('access'), this.receive, true)
  }

  async watch(documentName: string): Promise<void> {
    if (this.watched.has(documentName)) return
    this.watched.add(documentName)
    try {
      await this.subscriber.subscribe(this.documentChannel(documentName), this.receive, true)
    } catch (error) {
      // Redis is away: the subscription is made again on reconnect, and until then the periodic check and
      // the repair after the reconnect read the store.
      this.options.logger.warn('redis subscribe failed', { documentName, error })
    }
  }

  async unwatch(documentName: string): Promise<void> {
    if (!this.watched.delete(documentName)) return
    try {
      await this.subscriber.unsubscribe(this.documentChannel(documentName), this.receive, true)
    } catch (error) {
      this.options.logger.debug('redis unsubscribe failed', { documentName, error })
    }
  }

  publish(message: ClusterMessage): void {
    if (this.closed || !this.publisher.isReady) return
    const channel =
      message.kind === 'access' ? this.channel('access') : this.documentChannel(message.documentName)
    this.publisher
      .publish(channel, Buffer.from(clusterMessageCodec.encode(message)))
      .catch((error: unknown) => {
        this.options.logger.debug('redis publish failed', { channel, error })
      })
  }

  onResumed(listener: () => void): void {
    this.resumedListeners.push(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    this.listener = null
    await Promise.allSettled([this.publisher.close(), this.subscriber.close()])
  }

  private channel(name: string): string {
    return `${this.options.channelPrefix}${name}`
  }

  private documentChannel(documentName: string): string {
    return this.channel(`doc:${documentName}`)
  }

  private readonly receive = (message: Buffer): void => {
    const decoded = clusterMessageCodec.decode(message)
    if (!decoded || decoded.instanceId === this.instanceId) return
    this.listener?.(decoded)
  }
}
