import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileServerScript } from './compileServerScript.ts'
import type { AuthSupplier, ServerUnderTest } from './ServerUnderTest.ts'
import { DocumentCreator, seedOurDataDir } from './seedOurDataDir.ts'
import { spawnServer } from './spawnServer.ts'

interface ServersUnderTestOptions {
  projectRoot: string
  /**
   * Credentials for our server, replacing the built-in ones; the reference servers accept anything. By
   * default the bench seeds a co-chair account and token into the fresh DATA_DIR, creates every document
   * it opens through `POST /api/documents`, and passes `?token=…`.
   */
  auth?: AuthSupplier
  /** Extra environment for our server (e.g. SQLITE_SYNCHRONOUS), from BENCH_OURS_ENV='K=V,K=V'. */
  oursEnv?: Record<string, string>
  /** Built web client our server serves (CLIENT_DIR); the bench builds one for the browser scenario. */
  clientDir?: string
  /**
   * BENCH_BASELINE_CLIENT_DIR: another built client (e.g. main's) served by our same server as an extra
   * "ours-baseline" column in the browser scenario, so old and new clients are compared in one run.
   */
  baselineClientDir?: string
}

const loopback = '127.0.0.1'

/** Our server's abuse limits, lifted for a load test from one host and one account (see BENCHMARKS.md). */
const benchLimits = {
  MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  MAX_CONNECTIONS_PER_USER: '1000000',
  MESSAGES_PER_SECOND: '10000000',
  MESSAGE_BURST: '100000000',
}

/** The three columns of the results table, in display order: ours first, then the peers. */
export function serversUnderTest(options: ServersUnderTestOptions): ServerUnderTest[] {
  const { projectRoot, auth, oursEnv, clientDir, baselineClientDir } = options
  const ourEntry = 'server/main.ts'
  // BENCH_SERVERS_FROM_SOURCE=1 runs every server from its TypeScript source through tsx, as before.
  const runnable = (script: string): Promise<string> =>
    process.env.BENCH_SERVERS_FROM_SOURCE === '1'
      ? Promise.resolve(script)
      : compileServerScript(projectRoot, script)

  const makeOurs = (name: string, served: string | undefined): ServerUnderTest => ({
    name,
    description:
      `${served && served === baselineClientDir ? `baseline client ${served}; ` : ''}Charter Desk (${ourEntry}), SQLite persistence in a fresh DATA_DIR (synchronous=FULL unless ` +
      `overridden), LOG_LEVEL=warn${oursEnv && Object.keys(oursEnv).length ? `, ${new URLSearchParams(oursEnv).toString().replaceAll('&', ', ')}` : ''}; ` +
      'clients authenticate with a co-chair personal access token',
    clientKind: 'y-websocket',
    servesWebClient: true,
    unavailableReason: () =>
      existsSync(join(projectRoot, ourEntry)) ? undefined : `${ourEntry} does not exist yet`,
    async start() {
      const dataDir = mkdtempSync(join(tmpdir(), 'charter-bench-'))
      try {
        const credentials = await seedOurDataDir(dataDir)
        const server = await spawnServer({
          name,
          script: await runnable(ourEntry),
          cwd: projectRoot,
          env: {
            PORT: '0',
            HOST: loopback,
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
            ...(served ? { CLIENT_DIR: served } : {}),
            // Every bench client comes from one address and one account, at rates a person never types:
            // lift the abuse limits (connections per address and per account, frames per second).
            ...benchLimits,
            ...oursEnv,
          },
        })
        const httpOrigin = `http://${loopback}:${server.port}`
        const documents = new DocumentCreator(dataDir)
        const builtInAuth: AuthSupplier = async ({ documentName }) => {
          await documents.ensure(documentName)
          return { params: { token: credentials.token } }
        }
        const supplier = auth ?? builtInAuth
        return {
          pid: server.pid,
          port: server.port,
          url: (documentName) => `ws://${loopback}:${server.port}/collab/${documentName}`,
          connectionOptions: (documentName) => supplier({ documentName, httpOrigin }),
          browser: {
            httpOrigin,
            signInUrl: () => `${httpOrigin}/sign-in#link=${credentials.signInLink()}`,
          },
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
  })
  const ours = makeOurs('ours', clientDir)
  const baseline = baselineClientDir ? [makeOurs('ours-baseline', baselineClientDir)] : []

  const yWebsocket: ServerUnderTest = {
    name: 'y-websocket',
    description:
      '@y/websocket-server 0.1.1 setupWSConnection on ws 8.23.0, in memory (no persistence), ' +
      'bench/servers/yWebsocketServer.ts',
    clientKind: 'y-websocket',
    servesWebClient: false,
    unavailableReason: () => undefined,
    async start() {
      const server = await spawnServer({
        name: 'y-websocket',
        script: await runnable('bench/servers/yWebsocketServer.ts'),
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
    servesWebClient: false,
    unavailableReason: () => undefined,
    async start() {
      const server = await spawnServer({
        name: 'hocuspocus',
        script: await runnable('bench/servers/hocuspocusServer.ts'),
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

  return [ours, ...baseline, yWebsocket, hocuspocus]
}
