import type { BenchOptions } from './parseOptions.ts'
import type { ScenarioRequest } from './workerProtocol.ts'

export interface ScenarioPlan {
  id: string
  title: string
  /** Undefined for a placeholder that is listed but not run. */
  request: ScenarioRequest | undefined
  timeoutMs: number
  placeholder?: string
}

const connectTimeoutMs = 30_000

/** Expands the options into the concrete scenario runs, in the order they are reported. */
export function planScenarios(options: BenchOptions): ScenarioPlan[] {
  const plans: ScenarioPlan[] = []
  const hardTimeout = (computedMs: number): number =>
    options.timeoutSeconds === undefined ? computedMs : options.timeoutSeconds * 1000

  if (options.scenarios.includes('fan-out')) {
    for (const clients of options.fanOutClients) {
      const durationMs = options.durationSeconds * 1000
      // Every edit goes to N−1 peers, all in one client process: above a few thousand deliveries/s that process
      // saturates and the run measures queueing in the clients (and a server facing a backlog), not the
      // server's cost per update. So the rate is lowered for large N unless --max-deliveries 0.
      const offered = options.editsPerSecond * clients * (clients - 1)
      const editsPerSecond =
        options.maxDeliveriesPerSecond > 0 && offered > options.maxDeliveriesPerSecond
          ? Number((options.maxDeliveriesPerSecond / (clients * (clients - 1)) || 0).toPrecision(2))
          : options.editsPerSecond
      // A saturated client worker can lag 20 s behind at 200 clients; the drain must outlast that backlog.
      const drainTimeoutMs = 30_000
      plans.push({
        id: `fan-out-${clients}`,
        title: `Fan-out, ${clients} clients × ${editsPerSecond} edits/s, ${options.durationSeconds} s`,
        request: {
          scenario: 'fanOut',
          clients,
          editsPerSecond,
          durationMs,
          drainTimeoutMs,
          connectConcurrency: 50,
          connectTimeoutMs,
        },
        timeoutMs: hardTimeout(30_000 + clients * 150 + durationMs + drainTimeoutMs),
      })
    }
  }

  if (options.scenarios.includes('many-docs')) {
    plans.push({
      id: 'many-docs',
      title: `Many documents, ${options.documents} documents with 1–2 clients each`,
      request: {
        scenario: 'manyDocuments',
        documents: options.documents,
        connectConcurrency: options.openConcurrency,
        connectTimeoutMs,
      },
      timeoutMs: hardTimeout(60_000 + options.documents * 150),
    })
  }

  if (options.scenarios.includes('trace')) {
    // 260k transactions take ~20–60 s on this class of machine; allow a slow server several times that.
    const transactions = options.traceTransactions > 0 ? options.traceTransactions : 260_000
    const convergeTimeoutMs = 20_000 + transactions * 1.5
    plans.push({
      id: 'trace',
      title: `Editing trace (${options.traceTransactions > 0 ? `first ${transactions}` : 'all'} transactions), 1 writer + ${options.followers} followers, then cold load`,
      request: {
        scenario: 'editingTrace',
        tracePath: options.tracePath,
        maxTransactions: options.traceTransactions,
        followers: options.followers,
        batchSize: options.batchSize,
        connectTimeoutMs,
        convergeTimeoutMs,
      },
      timeoutMs: hardTimeout(60_000 + convergeTimeoutMs * 2),
    })
  }

  if (options.scenarios.includes('browser')) {
    // Only a server that serves the Charter Desk web client can run this (ours); run.ts skips the others.
    plans.push({
      id: 'browser',
      title: `Browser (Tiptap in headless Chromium): ${options.pages}-page charter, ${options.typists} remote typists × ${options.typistRate} keys/s`,
      request: {
        scenario: 'browserEditing',
        pages: options.pages,
        typists: options.typists,
        typistCharsPerSecond: options.typistRate,
        keystrokes: options.keystrokes,
        keystrokeIntervalMs: 120,
        connectTimeoutMs: 60_000,
        initialJsBytes: 0,
        initialJsGzipBytes: 0,
      },
      timeoutMs: hardTimeout(180_000 + options.keystrokes * 300),
    })
  }
  return plans
}
