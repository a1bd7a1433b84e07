import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileServerScript } from './compileServerScript.ts'
import { PostgresBackendCpu } from './PostgresBackendCpu.ts'
import type { ScaleOutServices } from './ScaleOutServices.ts'
import type { AuthSupplier, RunningServer, ScenarioKind, ServerUnderTest } from './ServerUnderTest.ts'
import { type OurStorage, seedOurServer } from './seedOurServer.ts'
import { spawnServer } from './spawnServer.ts'

interface ServersUnderTestOptions {
  projectRoot: string
  /**
   * Credentials for our server, replacing the built-in ones; the reference servers accept anything. By
   * default the bench seeds a co-chair account and token into the fresh DATA_DIR or database, catalogues every
   * document it opens (bench/servers/seedOurServer.ts), and passes `?token=…`.
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
  /** PostgreSQL and Redis for the scale-out columns (BENCH_DATABASE_URL, BENCH_REDIS_URL). */
  scaleOut: ScaleOutServices
}

const loopback = '127.0.0.1'

/** More than any benchmark run opens browsers; links are made up front so `signInLink` stays synchronous. */
const signInLinkCount = 64

/** Our server's abuse limits, lifted for a load test from one host and one account (see BENCHMARKS.md). */
const benchLimits = {
  MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  MAX_CONNECTIONS_PER_USER: '1000000',
  MESSAGES_PER_SECOND: '10000000',
  MESSAGE_BURST: '100000000',
}

/** How one of our columns stores its state and how many instances it runs. */
interface OurSetup {
  name: string
  /** Serves this built web client (CLIENT_DIR), so the browser scenario can run; otherwise Node clients only. */
  clientDir?: string
  storage: 'sqlite' | 'postgres'
  /** More than one needs Redis: the instances relay updates and awareness through it. */
  instances: number
  scenarios: readonly ScenarioKind[]
  peer: boolean
  description: string
}

const everyScenario: readonly ScenarioKind[] = ['fanOut', 'manyDocuments', 'editingTrace', 'browserEditing']
const nodeClientScenarios: readonly ScenarioKind[] = ['fanOut', 'manyDocuments', 'editingTrace']

/** Stops whatever did start when starting several instances failed part-way, then rethrows. */
async function allStarted<T extends { stop(): Promise<void> }>(starting: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(starting)
  const failure = settled.find((outcome) => outcome.status === 'rejected')
  if (failure === undefined) return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value)
  await Promise.all(
    settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.stop() : undefined)),
  )
  throw failure.reason
}

/**
 * The columns of the results table, in display order: ours, its scale-out variants (one instance on
 * PostgreSQL, two instances on PostgreSQL + Redis), then the peers.
 */
export function serversUnderTest(options: ServersUnderTestOptions): ServerUnderTest[] {
  const { projectRoot, auth, oursEnv, clientDir, baselineClientDir, scaleOut } = options
  const ourEntry = 'server/main.ts'
  // BENCH_SERVERS_FROM_SOURCE=1 runs every server from its TypeScript source through tsx, as before.
  const runnable = (script: string): Promise<string> =>
    process.env.BENCH_SERVERS_FROM_SOURCE === '1'
      ? Promise.resolve(script)
      : compileServerScript(projectRoot, script)
  const extraEnv =
    oursEnv && Object.keys(oursEnv).length
      ? `, ${new URLSearchParams(oursEnv).toString().replaceAll('&', ', ')}`
      : ''

  const makeOurs = (setup: OurSetup): ServerUnderTest => ({
    name: setup.name,
    description:
      `${setup.description}, LOG_LEVEL=warn${extraEnv}; ` +
      'clients authenticate with a co-chair personal access token',
    clientKind: 'y-websocket',
    scenarios: setup.scenarios,
    peer: setup.peer,
    async unavailableReason() {
      if (!existsSync(join(projectRoot, ourEntry))) return `${ourEntry} does not exist yet`
      return setup.storage === 'postgres' ? scaleOut.unavailableReason(setup.instances > 1) : undefined
    },
    async start() {
      // Undone in reverse order however the start or the run ends; every step runs even if one fails.
      const cleanup: (() => Promise<void> | void)[] = []
      const undo = async (): Promise<void> => {
        let firstError: unknown
        for (const step of cleanup.splice(0).reverse()) {
          try {
            await step()
          } catch (error) {
            firstError ??= error
          }
        }
        if (firstError !== undefined) throw firstError
      }
      try {
        let storage: OurStorage
        let databaseCpuSeconds: RunningServer['databaseCpuSeconds']
        if (setup.storage === 'sqlite') {
          const dataDir = mkdtempSync(join(tmpdir(), 'charter-bench-'))
          cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
          storage = { dataDir }
        } else {
          const database = await scaleOut.createDatabase()
          cleanup.push(() => database.drop())
          storage = { databaseUrl: database.url }
          const backends = await PostgresBackendCpu.connect(database.url)
          cleanup.push(() => backends.close())
          databaseCpuSeconds = () => backends.cpuSeconds()
        }
        // Seeding first also migrates a fresh PostgreSQL database before any instance starts.
        const seeded = await seedOurServer(storage, setup.clientDir ? signInLinkCount : 0)
        cleanup.push(() => seeded.close())
        const script = await runnable(ourEntry)
        const cluster: Record<string, string> =
          setup.instances > 1 ? { REDIS_URL: scaleOut.redisUrl, REDIS_PREFIX: scaleOut.redisPrefix() } : {}
        const instances = await allStarted(
          Array.from({ length: setup.instances }, (_unused, instance) =>
            spawnServer({
              name: setup.instances > 1 ? `${setup.name}[${instance}]` : setup.name,
              script,
              cwd: projectRoot,
              env: {
                PORT: '0',
                HOST: loopback,
                ...('dataDir' in storage
                  ? { DATA_DIR: storage.dataDir }
                  : { DATABASE_URL: storage.databaseUrl }),
                ...cluster,
                ...(setup.instances > 1 ? { INSTANCE_ID: `bench-${instance}` } : {}),
                LOG_LEVEL: 'warn',
                ...(setup.clientDir ? { CLIENT_DIR: setup.clientDir } : {}),
                // Every bench client comes from one address and one account, at rates a person never types:
                // lift the abuse limits (connections per address and per account, frames per second).
                ...benchLimits,
                ...oursEnv,
              },
            }),
          ),
        )
        cleanup.push(() => Promise.all(instances.map((instance) => instance.stop())).then(() => undefined))
        const origin = (instance: number): string => `http://${loopback}:${instances[instance]?.port}`
        const builtInAuth: AuthSupplier = async ({ documentName }) => {
          await seeded.ensureDocument(documentName)
          return { params: { token: seeded.token } }
        }
        const supplier = auth ?? builtInAuth
        return {
          pids: instances.map((instance) => instance.pid),
          url: (documentName, instance) =>
            `ws://${loopback}:${instances[instance]?.port}/collab/${documentName}`,
          connectionOptions: (documentName) => supplier({ documentName, httpOrigin: origin(0) }),
          ...(databaseCpuSeconds ? { databaseCpuSeconds } : {}),
          ...(setup.clientDir
            ? {
                browser: {
                  httpOrigin: origin(0),
                  signInUrl: () => `${origin(0)}/sign-in#link=${seeded.signInLink()}`,
                },
              }
            : {}),
          stop: undo,
        }
      } catch (error) {
        // The failure to start is the news; a failed clean-up after it is only worth a line.
        await undo().catch((cleanupError: unknown) =>
          console.error(`${setup.name}: clean-up failed:`, cleanupError),
        )
        throw error
      }
    },
  })

  const services = scaleOut.describe()
  const sqliteDescription = `Charter Desk (${ourEntry}), SQLite persistence in a fresh DATA_DIR (synchronous=FULL unless overridden)`
  const ours = makeOurs({
    name: 'ours',
    clientDir,
    storage: 'sqlite',
    instances: 1,
    scenarios: everyScenario,
    peer: false,
    description: sqliteDescription,
  })
  const baseline = baselineClientDir
    ? [
        makeOurs({
          name: 'ours-baseline',
          clientDir: baselineClientDir,
          storage: 'sqlite',
          instances: 1,
          scenarios: ['browserEditing'],
          // The ratio column then compares the two clients.
          peer: true,
          description: `baseline client ${baselineClientDir}; ${sqliteDescription}`,
        }),
      ]
    : []
  // The scale-out columns run the fan-out only: it is the scenario whose clients can be split over instances.
  const oursPostgres = makeOurs({
    name: 'ours-pg',
    storage: 'postgres',
    instances: 1,
    scenarios: ['fanOut'],
    peer: false,
    description: `Charter Desk (${ourEntry}), one instance, every store on PostgreSQL at ${services.postgres} (a fresh database per run)`,
  })
  const oursCluster = makeOurs({
    name: 'ours-cluster',
    storage: 'postgres',
    instances: 2,
    scenarios: ['fanOut'],
    peer: false,
    description:
      `Charter Desk (${ourEntry}), two instances on one fresh PostgreSQL database at ${services.postgres} and ` +
      `Redis at ${services.redis} (a channel prefix per run); clients alternate between the instances, server ` +
      'CPU and RSS are the sum of both processes (PostgreSQL and Redis themselves not counted)',
  })

  const yWebsocket: ServerUnderTest = {
    name: 'y-websocket',
    description:
      '@y/websocket-server 0.1.1 setupWSConnection on ws 8.23.0, in memory (no persistence), ' +
      'bench/servers/yWebsocketServer.ts',
    clientKind: 'y-websocket',
    scenarios: nodeClientScenarios,
    peer: true,
    unavailableReason: () => undefined,
    async start() {
      const server = await spawnServer({
        name: 'y-websocket',
        script: await runnable('bench/servers/yWebsocketServer.ts'),
        cwd: projectRoot,
        env: { PORT: '0', HOST: loopback },
      })
      return {
        pids: [server.pid],
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
    scenarios: nodeClientScenarios,
    peer: true,
    unavailableReason: () => undefined,
    async start() {
      const server = await spawnServer({
        name: 'hocuspocus',
        script: await runnable('bench/servers/hocuspocusServer.ts'),
        cwd: projectRoot,
        env: { PORT: '0', HOST: loopback },
      })
      return {
        pids: [server.pid],
        // Hocuspocus names the document inside the protocol, not in the URL.
        url: () => `ws://${loopback}:${server.port}`,
        stop: () => server.stop(),
      }
    },
  }

  return [ours, ...baseline, oursPostgres, oursCluster, yWebsocket, hocuspocus]
}
