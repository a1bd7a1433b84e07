// Entry point of `npm run bench`: starts each server under test as a child process, drives it from a client
// worker process, and reports medians side by side. See BENCHMARKS.md.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { childProcesses } from './childProcesses.ts'
import { connectClient } from './clients/connectClient.ts'
import { formatResultsTable, type TableSection } from './formatResultsTable.ts'
import { loadAuthSupplier } from './loadAuthSupplier.ts'
import { machineInfo } from './machineInfo.ts'
import { metricDefinitions } from './metricDefinitions.ts'
import { type BenchOptions, parseOptions, usage } from './parseOptions.ts'
import { planScenarios } from './planScenarios.ts'
import { type RunResult, runOnServer } from './runOnServer.ts'
import { createConnectionInfos } from './servers/createConnectionInfos.ts'
import { ScaleOutServices } from './servers/ScaleOutServices.ts'
import type { RunningServer, ServerUnderTest } from './servers/ServerUnderTest.ts'
import { serversUnderTest } from './servers/serversUnderTest.ts'
import { median } from './stats/median.ts'
import { withTimeout } from './withTimeout.ts'
import type { Metrics, ScenarioRequest } from './workerProtocol.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function log(message: string): void {
  console.log(message)
}

function summarize(runs: RunResult[], kind: ScenarioRequest['scenario']): Metrics {
  const ok = runs.filter((run) => run.error === undefined)
  const keys = new Set(ok.flatMap((run) => Object.keys(run.metrics)))
  const summary: Metrics = {}
  for (const key of keys) {
    const values = ok.map((run) => run.metrics[key] ?? Number.NaN)
    // A check passes only if it passed in every run; a median would hide one failed convergence.
    summary[key] = metricDefinitions[kind][key]?.better === 'bool' ? Math.min(...values) : median(values)
  }
  return summary
}

function headline(result: RunResult): string {
  if (result.error !== undefined) return `FAILED: ${result.error.split('\n')[0]}`
  const m = result.metrics
  const parts: string[] = []
  const add = (label: string, key: string, digits = 1): void => {
    const value = m[key]
    if (value !== undefined && Number.isFinite(value)) parts.push(`${label} ${value.toFixed(digits)}`)
  }
  add('p50', 'latencyP50Ms')
  add('p99', 'latencyP99Ms')
  add('cross-instance p99', 'crossInstanceP99Ms')
  add('open p50', 'openP50Ms')
  add('KiB/doc', 'rssPerDocumentKb')
  add('converge ms', 'convergeMs', 0)
  add('cold ms', 'coldLoadMs')
  add('editable ms', 'loadEditableMs', 0)
  add('key→frame p95', 'keystrokeFrameP95Ms')
  add('key→DOM p95', 'keystrokeDomP95Ms')
  add('srv CPU s', 'serverCpuSeconds', 2)
  add('peak MiB', 'serverPeakRssMb')
  if (m.converged === 0) parts.push('NOT CONVERGED')
  parts.push(`load ${result.loadAverage.toFixed(1)}`)
  return `${parts.join(', ')}${result.notes.length ? ` (${result.notes.join('; ')})` : ''}`
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** One client per instance of the server (every instance of a cluster must accept ours) syncs a document. */
async function preflightSync(server: ServerUnderTest, running: RunningServer): Promise<void> {
  const infos = await createConnectionInfos(running)(running.pids.map(() => 'preflight'))
  const clients = infos.map((info) => connectClient(server.clientKind, info))
  try {
    await withTimeout(Promise.all(clients.map((client) => client.synced)), 10_000, 'preflight sync')
  } finally {
    for (const client of clients) client.destroy()
  }
}

/**
 * Wall time of one committed SQLite transaction with synchronous=FULL (one small row, WAL) in a temp dir on
 * the same disk as our server's DATA_DIR. Our server pays this per group commit and the peers don't, so it
 * is recorded with the results: other processes writing to the same disk can make it 10× slower.
 */
async function commitLatencyMs(): Promise<number> {
  const { openSqliteDatabase } = await import('../server/persistence/openSqliteDatabase.ts')
  const dir = mkdtempSync(join(tmpdir(), 'charter-bench-fsync-'))
  try {
    const database = openSqliteDatabase(dir, 'FULL')
    database.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)')
    const insert = database.prepare('INSERT INTO t (data) VALUES (?)')
    const samples: number[] = []
    for (let i = 0; i < 100; i++) {
      const started = performance.now()
      insert.run(Buffer.alloc(32))
      samples.push(performance.now() - started)
    }
    database.close()
    return median(samples)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

interface ClientBuild {
  dir: string
  /** The entry script and the modules it preloads, as index.html references them. */
  initialJsBytes: number
  initialJsGzipBytes: number
  /** False for a prebuilt client (BENCH_CLIENT_DIR), which the bench must not delete. */
  owned: boolean
}

/**
 * Builds the web client into a directory of the bench's own (so a concurrent `npm test` using dist/client is
 * not disturbed) and measures the initial JS: every script index.html loads up front, gzipped at level 9.
 */
function buildClient(prebuilt: string | undefined): ClientBuild {
  const dir = prebuilt ?? mkdtempSync(join(tmpdir(), 'charter-bench-client-'))
  if (!prebuilt) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ]
    .map((match) => match[1])
    .filter((path): path is string => path !== undefined)
  let initialJsBytes = 0
  let initialJsGzipBytes = 0
  for (const script of new Set(scripts)) {
    const content = readFileSync(join(dir, script))
    initialJsBytes += content.byteLength
    initialJsGzipBytes += gzipSync(content, { level: 9 }).byteLength
  }
  if (initialJsBytes === 0) throw new Error(`no script found in ${join(dir, 'index.html')}`)
  return { dir, initialJsBytes, initialJsGzipBytes, owned: !prebuilt }
}

async function availableServers(
  options: BenchOptions,
  clientDir: string | undefined,
): Promise<{ servers: ServerUnderTest[]; skipped: { name: string; reason: string }[] }> {
  const auth = await loadAuthSupplier(options.authModule)
  const servers: ServerUnderTest[] = []
  const skipped: { name: string; reason: string }[] = []
  const oursEnv = Object.fromEntries(
    (process.env.BENCH_OURS_ENV ?? '')
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  )
  const baselineClientDir = process.env.BENCH_BASELINE_CLIENT_DIR
    ? resolve(process.env.BENCH_BASELINE_CLIENT_DIR)
    : undefined
  const scaleOut = new ScaleOutServices(
    process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
  )
  const candidates = serversUnderTest({ projectRoot, auth, oursEnv, clientDir, baselineClientDir, scaleOut })
  for (const server of candidates) {
    const selectedName = server.name === 'ours-baseline' ? 'ours' : server.name
    if (!options.servers.includes(selectedName as (typeof options.servers)[number])) continue
    const reason = await server.unavailableReason()
    if (reason !== undefined) {
      skipped.push({ name: server.name, reason })
      continue
    }
    // A server that cannot start, or that refuses our clients (e.g. auth required but no --auth-module),
    // would otherwise fail every run only after its full timeout.
    let running: RunningServer
    try {
      running = await server.start()
    } catch (error) {
      skipped.push({ name: server.name, reason: `failed to start: ${errorMessage(error)}` })
      continue
    }
    try {
      await preflightSync(server, running)
      servers.push(server)
    } catch (error) {
      skipped.push({
        name: server.name,
        reason: `started, but a client could not sync (auth or document setup needed? see --auth-module): ${errorMessage(error)}`,
      })
    } finally {
      await running.stop()
    }
  }
  return { servers, skipped }
}

async function main(): Promise<number> {
  let options: BenchOptions
  try {
    options = parseOptions(process.argv.slice(2), projectRoot)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`)
    return 2
  }
  if (options.help) {
    log(usage)
    return 0
  }
  if (options.scenarios.includes('trace') && !existsSync(options.tracePath)) {
    log(
      `Editing trace not found at ${options.tracePath}; skipping the trace scenario. Get automerge-paper.json.gz ` +
        'from josephg/editing-traces (sequential_traces/automerge-paper.json.gz) and pass --trace <path>.',
    )
    options.scenarios = options.scenarios.filter((id) => id !== 'trace')
  }

  const machine = machineInfo()
  const startedAt = new Date()
  log(
    `Charter Desk bench — ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}`,
  )
  let clientBuild: ClientBuild | undefined
  if (options.scenarios.includes('browser') && options.servers.includes('ours')) {
    // BENCH_CLIENT_DIR: serve an already built client (e.g. an experiment) instead of building one.
    const prebuilt = process.env.BENCH_CLIENT_DIR ? resolve(process.env.BENCH_CLIENT_DIR) : undefined
    log(prebuilt ? `Using the prebuilt web client in ${prebuilt}` : 'Building the web client (vite build)…')
    clientBuild = buildClient(prebuilt)
    log(
      `  initial JS: ${clientBuild.initialJsBytes.toLocaleString('en-US')} bytes, ` +
        `${clientBuild.initialJsGzipBytes.toLocaleString('en-US')} gzipped`,
    )
  }
  const { servers, skipped } = await availableServers(options, clientBuild?.dir)
  for (const server of servers) log(`  ${server.name}: ${server.description}`)
  for (const { name, reason } of skipped) log(`  ${name}: skipped (${reason})`)
  if (servers.length === 0) {
    console.error('No server to benchmark.')
    return 1
  }

  const commitBeforeMs = servers.some((server) => server.name === 'ours')
    ? await commitLatencyMs()
    : Number.NaN
  if (Number.isFinite(commitBeforeMs)) {
    log(`  SQLite FULL commit (fsync) on this disk: median ${commitBeforeMs.toFixed(2)} ms`)
  }
  const plans = planScenarios(options)
  for (const plan of plans) {
    if (plan.request?.scenario === 'browserEditing' && clientBuild) {
      plan.request.initialJsBytes = clientBuild.initialJsBytes
      plan.request.initialJsGzipBytes = clientBuild.initialJsGzipBytes
    }
  }
  const runsOn = (plan: (typeof plans)[number], server: ServerUnderTest): boolean =>
    plan.request !== undefined && server.scenarios.includes(plan.request.scenario)
  const results = new Map<string, Map<string, RunResult[]>>()
  for (let run = 1; run <= options.runs; run++) {
    for (const plan of plans) {
      if (!plan.request) continue
      // Rotate the server order each run so that no server always runs on a machine warmed by another.
      const rotation = (run - 1) % servers.length
      const order = [...servers.slice(rotation), ...servers.slice(0, rotation)]
      for (const server of order.filter((candidate) => runsOn(plan, candidate))) {
        log(`[run ${run}/${options.runs}] ${plan.title} · ${server.name}`)
        const result = await runOnServer({
          server,
          request: plan.request,
          timeoutMs: plan.timeoutMs,
          projectRoot,
          log,
        })
        log(`    ${(result.wallMs / 1000).toFixed(1)} s: ${headline(result)}`)
        const byServer = results.get(plan.id) ?? new Map<string, RunResult[]>()
        byServer.set(server.name, [...(byServer.get(server.name) ?? []), result])
        results.set(plan.id, byServer)
      }
    }
  }

  const commitAfterMs = Number.isFinite(commitBeforeMs) ? await commitLatencyMs() : Number.NaN
  const sections: TableSection[] = plans.map((plan) => {
    const kind = plan.request?.scenario
    return {
      title: plan.title,
      kind,
      note: plan.placeholder,
      columns:
        kind === undefined
          ? []
          : servers
              .filter((server) => runsOn(plan, server))
              .map((server) => {
                const runs = results.get(plan.id)?.get(server.name) ?? []
                return {
                  name: server.name,
                  peer: server.peer,
                  summary: summarize(runs, kind),
                  okRuns: runs.filter((run) => run.error === undefined).length,
                  totalRuns: runs.length,
                }
              }),
    }
  })
  log('')
  log(`Medians of ${options.runs} run(s) per server; ratio = ours ÷ best of the reference servers.`)
  if (Number.isFinite(commitAfterMs)) {
    log(
      `SQLite FULL commit (fsync) median: ${commitBeforeMs.toFixed(2)} ms before the runs, ` +
        `${commitAfterMs.toFixed(2)} ms after.`,
    )
  }
  log('')
  log(formatResultsTable(sections))

  mkdirSync(options.outDir, { recursive: true })
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
  const jsonPath = join(options.outDir, `${stamp}.json`)
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    commitLatencyMs: { before: commitBeforeMs, after: commitAfterMs },
    options,
    servers: servers.map(({ name, description, clientKind }) => ({ name, description, clientKind })),
    skippedServers: skipped,
    scenarios: plans.map((plan, index) => ({
      id: plan.id,
      title: plan.title,
      request: plan.request,
      placeholder: plan.placeholder,
      summary: Object.fromEntries(
        (sections[index]?.columns ?? []).map((column) => [column.name, column.summary]),
      ),
      runs: Object.fromEntries(results.get(plan.id) ?? []),
    })),
  }
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`)
  // The Markdown twin is what BENCHMARKS.md's results section is pasted from.
  writeFileSync(join(options.outDir, `${stamp}.md`), `${formatResultsTable(sections, true)}\n`)
  if (clientBuild?.owned) rmSync(clientBuild.dir, { recursive: true, force: true })
  log('')
  log(`Results written to ${relative(process.cwd(), jsonPath)} (and .md)`)
  const failures = [...results.values()]
    .flatMap((byServer) => [...byServer.values()].flat())
    .filter((r) => r.error)
  return failures.length > 0 ? 1 : 0
}

main().then(
  (code) => {
    childProcesses.killAll()
    process.exit(code)
  },
  (error: unknown) => {
    console.error(error)
    childProcesses.killAll()
    process.exit(1)
  },
)
