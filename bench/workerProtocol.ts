import type { ProcessStats } from './processStats.ts'
import type { ClientKind, ConnectionInfo } from './servers/ServerUnderTest.ts'

// Messages between the runner (bench/run.ts) and the client worker (bench/clientWorker.ts). Everything
// here must survive JSON serialisation over the IPC channel.

export interface FanOutRequest {
  scenario: 'fanOut'
  clients: number
  editsPerSecond: number
  durationMs: number
  drainTimeoutMs: number
  connectConcurrency: number
  connectTimeoutMs: number
}

export interface ManyDocumentsRequest {
  scenario: 'manyDocuments'
  documents: number
  connectConcurrency: number
  connectTimeoutMs: number
}

export interface EditingTraceRequest {
  scenario: 'editingTrace'
  tracePath: string
  /** 0 replays the whole trace. */
  maxTransactions: number
  followers: number
  batchSize: number
  connectTimeoutMs: number
  convergeTimeoutMs: number
}

export interface BrowserEditingRequest {
  scenario: 'browserEditing'
  /** Size of the seeded charter in printed pages (~3,000 characters each). */
  pages: number
  /** Node clients typing into the same document while the browser types. */
  typists: number
  typistCharsPerSecond: number
  /** Keystrokes typed in the browser (one at a time, `keystrokeIntervalMs` apart). */
  keystrokes: number
  keystrokeIntervalMs: number
  connectTimeoutMs: number
  /** Measured by the runner on the client build it serves; reported as metrics. */
  initialJsBytes: number
  initialJsGzipBytes: number
}

export type ScenarioRequest =
  | FanOutRequest
  | ManyDocumentsRequest
  | EditingTraceRequest
  | BrowserEditingRequest

/** Metric key → value; keys are described in metricDefinitions.ts. */
export type Metrics = Record<string, number>

/** What the worker's `probe` returns: the server's processes, and its PostgreSQL backends if it has some. */
export interface ServerProbe extends ProcessStats {
  /** Cumulative; absent (NaN does not survive the JSON channel) for a server without PostgreSQL. */
  databaseCpuSeconds?: number
}

export interface ScenarioOutcome {
  metrics: Metrics
  notes: string[]
}

export type RpcCall =
  | { method: 'probe' }
  | { method: 'connections'; documentNames: string[] }
  | { method: 'browserAccess' }

/** What the browser scenario needs from the runner: where the web client is and a sign-in link. */
export interface BrowserAccessInfo {
  httpOrigin: string
  signInUrl: string
}

export type ToWorker =
  | { type: 'run'; clientKind: ClientKind; request: ScenarioRequest }
  | { type: 'rpcResult'; id: number; result: ServerProbe | ConnectionInfo[] | BrowserAccessInfo }
  | { type: 'rpcError'; id: number; message: string }

export type FromWorker =
  | { type: 'rpc'; id: number; call: RpcCall }
  | { type: 'progress'; message: string }
  | { type: 'result'; outcome: ScenarioOutcome }
  | { type: 'error'; message: string }
