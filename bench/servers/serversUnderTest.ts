import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuthSupplier, ServerUnderTest } from './ServerUnderTest.ts'
import { spawnServer } from './spawnServer.ts'

interface ServersUnderTestOptions {
  projectRoot: string
  /** Credentials for our server; the reference servers accept anything. */
  auth?: AuthSupplier
}

const loopback = '127.0.0.1'

/** The three columns of the results table, in display order: ours first, then the peers. */
export function serversUnderTest(options: ServersUnderTestOptions): ServerUnderTest[] {
  const { projectRoot, auth } = options
  const ourEntry = 'server/main.ts'

  const ours: ServerUnderTest = {
    name: 'ours',
    description: `Charter Desk (${ourEntry}), SQLite persistence in a fresh DATA_DIR, LOG_LEVEL=warn`,
    clientKind: 'y-websocket',
    unavailableReason: () =>
      existsSync(join(projectRoot, ourEntry)) ? undefined : `${ourEntry} does not exist yet`,
    async start() {
      const dataDir = mkdtempSync(join(tmpdir(), 'charter-bench-'))
      try {
        const server = await spawnServer({
          name: 'ours',
          script: ourEntry,
          cwd: projectRoot,
          env: { PORT: '0', HOST: loopback, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        })
        const httpOrigin = `http://${loopback}:${server.port}`
        return {
          pid: server.pid,
          port: server.port,
          url: (documentName) => `ws://${loopback}:${server.port}/collab/${documentName}`,
          connectionOptions: auth ? (documentName) => auth({ documentName, httpOrigin }) : undefined,
          async stop() {
            await server.stop()
            rmSync(dataDir, { recursive: true, force: true })
          },
        }
      } catch (error) {
        rmSync(dataDir, { recursive: true, force: true })
        throw error
      }
    },
  }

  const yWebsocket: ServerUnderTest = {
    name: 'y-websocket',
    description:
      '@y/websocket-server 0.1.1 setupWSConnection on ws 8.23.0, in memory (no persistence), ' +
      'bench/servers/yWebsocketServer.ts',
    clientKind: 'y-websocket',
    unavailableReason: () => undefined,
    async start() {
      const server = await spawnServer({
        name: 'y-websocket',
        script: 'bench/servers/yWebsocketServer.ts',
        cwd: projectRoot,
        env: { PORT: '0', HOST: loopback },
      })
      return {
        pid: server.pid,
        port: server.port,
        // setupWSConnection takes the whole path as the document name.
        url: (documentName) => `ws://${loopback}:${server.port}/${documentName}`,
        stop: () => server.stop(),
      }
    },
  }

  const hocuspocus: ServerUnderTest = {
    name: 'hocuspocus',
    description:
      '@hocuspocus/server 3.4.3, default configuration, no extensions (in memory, no persistence), ' +
      'bench/servers/hocuspocusServer.ts; clients use @hocuspocus/provider 3.4.4',
    clientKind: 'hocuspocus',
    unavailableReason: () => undefined,
    async start() {
      const server = await spawnServer({
        name: 'hocuspocus',
        script: 'bench/servers/hocuspocusServer.ts',
        cwd: projectRoot,
        env: { PORT: '0', HOST: loopback },
      })
      return {
        pid: server.pid,
        port: server.port,
        // Hocuspocus names the document inside the protocol, not in the URL.
        url: () => `ws://${loopback}:${server.port}`,
        stop: () => server.stop(),
      }
    },
  }

  return [ours, yWebsocket, hocuspocus]
}
