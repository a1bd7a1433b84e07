import { type ChildProcess, fork } from 'node:child_process'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { childProcesses } from './childProcesses.ts'
import { processStats } from './processStats.ts'
import { createConnectionInfos } from './servers/createConnectionInfos.ts'
import type { RunningServer, ServerUnderTest } from './servers/ServerUnderTest.ts'
import type { FromWorker, Metrics, ScenarioRequest, ServerProbe, ToWorker } from './workerProtocol.ts'

export interface RunResult {
  metrics: Metrics
  notes: string[]
  /** Set when the run failed or timed out; metrics are then empty. */
  error?: string
  wallMs: number
  /** 1-minute load average at the end of the run: above the core count, other work competed for the CPU. */
  loadAverage: number
}

interface RunOnServerOptions {
  server: ServerUnderTest
  request: ScenarioRequest
  timeoutMs: number
  projectRoot: string
  log: (message: string) => void
}

async function probe(server: RunningServer): Promise<ServerProbe> {
  const stats = processStats(server.pids)
  const databaseCpuSeconds = await server.databaseCpuSeconds?.()
  return databaseCpuSeconds === undefined ? stats : { ...stats, databaseCpuSeconds }
}

/**
 * One scenario run against a freshly started server, so peak RSS (VmHWM) and CPU belong to this run only; for
 * a server of several instances they are summed over its processes. The clients run in a forked worker; the
 * server and the worker are killed however the run ends.
 */
export async function runOnServer(options: RunOnServerOptions): Promise<RunResult> {
  const started = performance.now()
  let running: RunningServer | undefined
  let worker: ChildProcess | undefined
  let timer: NodeJS.Timeout | undefined
  try {
    running = await options.server.start()
    const server = running
    const connectionInfos = createConnectionInfos(server)
    // RSS right after start, before any document: code, runtime and stores. Three seconds let start-up
    // work that follows the listening line (JIT, lazy timers) settle the same way for every server.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const atStart = processStats(server.pids)
    const child = fork(join(options.projectRoot, 'bench/clientWorker.ts'), [], {
      cwd: options.projectRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    worker = child
    childProcesses.track(child)
    const reply = (message: ToWorker): void => {
      if (child.connected) child.send(message)
    }

    const outcome = await new Promise<{ metrics: Metrics; notes: string[] }>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${Math.round(options.timeoutMs / 1000)} s`)),
        options.timeoutMs,
      )
      // 'close' comes after the IPC channel is drained; the grace period covers a result still in flight.
      child.once('close', (code, signal) =>
        setTimeout(
          () => reject(new Error(`client worker exited (code ${code}, signal ${signal}) without a result`)),
          200,
        ),
      )
      child.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'progress':
            options.log(`    ${message.message}`)
            break
          case 'result':
            resolve(message.outcome)
            break
          case 'error':
            reject(new Error(message.message))
            break
          case 'rpc': {
            const { id, call } = message
            const answer: Promise<unknown> =
              call.method === 'probe'
                ? probe(server)
                : call.method === 'browserAccess'
                  ? Promise.resolve().then(() => {
                      if (!server.browser)
                        throw new Error(`${options.server.name} does not serve the web client`)
                      return { httpOrigin: server.browser.httpOrigin, signInUrl: server.browser.signInUrl() }
                    })
                  : connectionInfos(call.documentNames)
            answer.then(
              (result) => reply({ type: 'rpcResult', id, result } as ToWorker),
              (error: unknown) =>
                reply({
                  type: 'rpcError',
                  id,
                  message: error instanceof Error ? error.message : String(error),
                }),
            )
            break
          }
        }
      })
      child.send({ type: 'run', clientKind: options.server.clientKind, request: options.request })
    })
    const final = processStats(server.pids)
    return {
      metrics: {
        ...outcome.metrics,
        serverStartRssMb: atStart.rssBytes / 2 ** 20,
        serverPeakRssMb: final.peakRssBytes / 2 ** 20,
      },
      notes: outcome.notes,
      wallMs: performance.now() - started,
      loadAverage: loadavg()[0] ?? 0,
    }
  } catch (error) {
    return {
      metrics: {},
      notes: [],
      error: error instanceof Error ? error.message : String(error),
      wallMs: performance.now() - started,
      loadAverage: loadavg()[0] ?? 0,
    }
  } finally {
    clearTimeout(timer)
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL')
    await running?.stop()
  }
}
