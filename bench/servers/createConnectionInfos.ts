import type { ConnectionInfo, RunningServer } from './ServerUnderTest.ts'

/** Returns one connection info per requested document name, in the order asked. */
export type ConnectionInfos = (documentNames: readonly string[]) => Promise<ConnectionInfo[]>

/**
 * Hands out connection infos for one running server, spreading them over its instances in turn (0, 1, 0, 1, …
 * across every call, like a round-robin load balancer), so a scenario that asks for one info per client splits
 * its clients evenly. A single-process server has one instance, so every info reaches it.
 */
export function createConnectionInfos(
  server: Pick<RunningServer, 'pids' | 'url' | 'connectionOptions'>,
): ConnectionInfos {
  const instances = Math.max(1, server.pids.length)
  let next = 0
  return (documentNames) =>
    Promise.all(
      documentNames.map(async (documentName) => {
        const instance = next++ % instances
        const options = (await server.connectionOptions?.(documentName)) ?? {}
        return { documentName, url: server.url(documentName, instance), instance, ...options }
      }),
    )
}
