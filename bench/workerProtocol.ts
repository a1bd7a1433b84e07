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

export type ScenarioRequest = FanOutRequest | ManyDocumentsRequest | EditingTraceRequest

/** Metric key → value; keys are described in metricDefinitions.ts. */
export type Metrics = Record<string, number>

export interface ScenarioOutcome {
  metrics: Metrics
  notes: string[]
}

export type RpcCall = { method: 'probe' } | { method: 'connections'; documentNames: string[] }

export type ToWorker =
  | { type: 'run'; clientKind: ClientKind; request: ScenarioRequest }
  | { type: 'rpcResult'; id: number; result: ProcessStats | ConnectionInfo[] }
  | { type: 'rpcError'; id: number; message: string }

export type FromWorker =
  | { type: 'rpc'; id: number; call: RpcCall }
  | { type: 'progress'; message: string }
  | { type: 'result'; outcome: ScenarioOutcome }
  | { type: 'error'; message: string }
