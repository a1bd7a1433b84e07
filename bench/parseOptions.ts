import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

export interface BenchOptions {
  quick: boolean
  runs: number
  servers: string[]
  scenarios: string[]
  fanOutClients: number[]
  editsPerSecond: number
  /** Caps the offered deliveries (edits/s × (N−1) peers) per fan-out run, lowering the rate for large N. */
  maxDeliveriesPerSecond: number
  durationSeconds: number
  documents: number
  openConcurrency: number
  tracePath: string
  traceTransactions: number
  followers: number
  batchSize: number
  pages: number
  typists: number
  typistRate: number
  keystrokes: number
  /** Overrides every scenario's computed hard timeout when set. */
  timeoutSeconds: number | undefined
  authModule: string | undefined
  outDir: string
  help: boolean
}

export const scenarioIds = ['fan-out', 'many-docs', 'trace', 'browser'] as const
export const serverNames = ['ours', 'ours-pg', 'ours-cluster', 'y-websocket', 'hocuspocus'] as const

export const usage = `Usage: npm run bench -- [options]

  --quick                 small sizes, 1 run each (< 2 minutes in total)
  --runs N                runs per scenario and server; medians are reported (default 3, quick 1)
  --servers a,b           any of ${serverNames.join(',')} (default all; ours-pg (PostgreSQL)
                          and ours-cluster (2 instances, PostgreSQL + Redis) run the fan-out only and are
                          skipped with a reason when BENCH_DATABASE_URL / BENCH_REDIS_URL are not reachable)
  --scenarios a,b         any of ${scenarioIds.join(',')} (default all; browser runs on ours only)
  --clients 2,20,100,200  fan-out client counts (quick 2,20)
  --rate N                fan-out edits per second per client (default 2), lowered by --max-deliveries
  --max-deliveries N      fan-out: cap on offered deliveries/s (rate × N × (N−1)) so the client process
                          is not saturated; 0 = no cap (default 4000)
  --duration S            fan-out editing seconds per run (default 10, quick 3)
  --documents N           many-docs document count (default 1000, quick 100)
  --open-concurrency N    handshakes in flight while opening many documents (default 50)
  --trace PATH            editing trace (default ../shared/data/automerge-paper.json.gz)
  --trace-txns N          replay only the first N transactions, 0 = all (default 0, quick 20000)
  --followers N           trace followers (default 5)
  --batch N               trace transactions between back-pressure checks (default 100)
  --pages N               browser: size of the seeded charter in pages of ~3,000 characters (default 100)
  --typists N             browser: remote Node clients typing meanwhile (default 20)
  --typist-rate N         browser: keystrokes per second per remote typist (default 5)
  --keystrokes N          browser: keystrokes measured in the browser (default 150, quick 40)
  --timeout S             hard timeout per scenario run, overriding the computed one
  --auth-module PATH      module whose default export supplies { params, headers } per document for
                          our server (also BENCH_AUTH_MODULE; BENCH_OURS_QUERY='token=...' for a fixed query)
  --out DIR               where to write <timestamp>.json (default bench/results)
  --help
`

function positiveInteger(
  value: string | undefined,
  fallback: number,
  name: string,
  allowZero = false,
): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < (allowZero ? 0 : 1)) {
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${value}`)
  }
  return parsed
}

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`)
  return parsed
}

function list(
  value: string | undefined,
  fallback: readonly string[],
  allowed: readonly string[],
  name: string,
) {
  if (value === undefined) return [...fallback]
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  for (const item of items) {
    if (!allowed.includes(item))
      throw new Error(`--${name}: unknown ${item} (allowed: ${allowed.join(', ')})`)
  }
  return items
}

export function parseOptions(argv: string[], projectRoot: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      servers: { type: 'string' },
      scenarios: { type: 'string' },
      clients: { type: 'string' },
      rate: { type: 'string' },
      'max-deliveries': { type: 'string' },
      duration: { type: 'string' },
      documents: { type: 'string' },
      'open-concurrency': { type: 'string' },
      trace: { type: 'string' },
      'trace-txns': { type: 'string' },
      followers: { type: 'string' },
      batch: { type: 'string' },
      pages: { type: 'string' },
      typists: { type: 'string' },
      'typist-rate': { type: 'string' },
      keystrokes: { type: 'string' },
      timeout: { type: 'string' },
      'auth-module': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const quick = values.quick ?? false
  const fanOutClients =
    values.clients === undefined
      ? quick
        ? [2, 20]
        : [2, 20, 100, 200]
      : values.clients.split(',').map((item) => positiveInteger(item.trim(), 2, 'clients'))
  if (fanOutClients.some((count) => count < 2)) throw new Error('--clients: fan-out needs at least 2 clients')
  return {
    quick,
    runs: positiveInteger(values.runs, quick ? 1 : 3, 'runs'),
    servers: list(values.servers, serverNames, serverNames, 'servers'),
    scenarios: list(values.scenarios, scenarioIds, scenarioIds, 'scenarios'),
    fanOutClients,
    editsPerSecond: positiveNumber(values.rate, 2, 'rate'),
    maxDeliveriesPerSecond: positiveInteger(values['max-deliveries'], 4000, 'max-deliveries', true),
    durationSeconds: positiveNumber(values.duration, quick ? 3 : 10, 'duration'),
    documents: positiveInteger(values.documents, quick ? 100 : 1000, 'documents'),
    openConcurrency: positiveInteger(values['open-concurrency'], 50, 'open-concurrency'),
    tracePath: resolve(projectRoot, values.trace ?? '../shared/data/automerge-paper.json.gz'),
    traceTransactions: positiveInteger(values['trace-txns'], quick ? 20_000 : 0, 'trace-txns', true),
    followers: positiveInteger(values.followers, 5, 'followers'),
    batchSize: positiveInteger(values.batch, 100, 'batch'),
    pages: positiveInteger(values.pages, 100, 'pages'),
    typists: positiveInteger(values.typists, 20, 'typists', true),
    typistRate: positiveNumber(values['typist-rate'], 5, 'typist-rate'),
    keystrokes: positiveInteger(values.keystrokes, quick ? 40 : 150, 'keystrokes'),
    timeoutSeconds: values.timeout === undefined ? undefined : positiveNumber(values.timeout, 1, 'timeout'),
    authModule: values['auth-module'] ?? process.env.BENCH_AUTH_MODULE,
    outDir: resolve(projectRoot, values.out ?? 'bench/results'),
    help: values.help ?? false,
  }
}
