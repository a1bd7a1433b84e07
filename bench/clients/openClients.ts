import { performance } from 'node:perf_hooks'
import type { ClientKind, ConnectionInfo } from '../servers/ServerUnderTest.ts'
import { withTimeout } from '../withTimeout.ts'
import { type BenchClient, connectClient } from './connectClient.ts'

export interface OpenedClients {
  /** In the order of `infos`. */
  clients: BenchClient[]
  /** Per client, from constructing the provider to its first `synced`. */
  openMs: number[]
}

/**
 * Opens one client per entry with at most `concurrency` handshakes in flight: opening hundreds at once
 * would measure the length of the accept queue rather than the server's time to open a document.
 */
export async function openClients(
  kind: ClientKind,
  infos: readonly ConnectionInfo[],
  options: {
    concurrency: number
    timeoutMs: number
    afterSync?: (client: BenchClient, index: number) => void
  },
): Promise<OpenedClients> {
  const clients: BenchClient[] = new Array(infos.length)
  const openMs: number[] = new Array(infos.length)
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < infos.length) {
      const index = next++
      const info = infos[index]!
      const started = performance.now()
      const client = connectClient(kind, info)
      clients[index] = client
      await withTimeout(client.synced, options.timeoutMs, `client ${index} (${info.documentName}) sync`)
      openMs[index] = performance.now() - started
      options.afterSync?.(client, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, infos.length)) }, lane))
  return { clients, openMs }
}
