import type { ScenarioRequest } from '../workerProtocol.ts'

/** Query parameters and upgrade headers one client sends when it opens a document. */
export interface ConnectionOptions {
  params?: Record<string, string>
  headers?: Record<string, string>
}

/** Everything a client process needs to open one document; plain data so it can cross the IPC channel. */
export interface ConnectionInfo extends ConnectionOptions {
  documentName: string
  /** Full WebSocket URL without query string, e.g. `ws://127.0.0.1:1234/collab/doc-1`. */
  url: string
  /** Which of the server's instances the URL reaches (always 0 for a single process). */
  instance: number
}

/**
 * Supplies credentials per document. Runs in the runner process, before timing starts, so a supplier may
 * call the server (e.g. create a session over HTTP) without that showing up in the measured latencies.
 */
export type AuthSupplier = (request: {
  documentName: string
  /** `http://127.0.0.1:<port>` of the running server. */
  httpOrigin: string
}) => ConnectionOptions | Promise<ConnectionOptions>

export interface BrowserAccess {
  /** `http://127.0.0.1:<port>` */
  httpOrigin: string
  /** A fresh one-time sign-in URL (`<origin>/sign-in#link=…`) for the bench account. */
  signInUrl(): string
}

export type ScenarioKind = ScenarioRequest['scenario']

/** Which client library talks to the server. */
export type ClientKind = 'y-websocket' | 'hocuspocus'

export interface RunningServer {
  /** One process per instance, in instance order; the bench sums their CPU time and memory. */
  pids: number[]
  /** WebSocket URL of a document on one instance (an index into `pids`). */
  url(documentName: string, instance: number): string
  connectionOptions?(documentName: string): ConnectionOptions | Promise<ConnectionOptions>
  /**
   * CPU seconds (cumulative) of the database processes working for this server alone, i.e. the PostgreSQL
   * backends of its database; undefined (or absent) when there are none or they cannot be read.
   */
  databaseCpuSeconds?(): Promise<number | undefined>
  /** Set for a server that also serves the Charter Desk web client (ours): what a browser needs. */
  browser?: BrowserAccess
  stop(): Promise<void>
}

export interface ServerUnderTest {
  /** Column name in the results table. */
  name: string
  /** One line naming the exact server, its version and configuration. */
  description: string
  clientKind: ClientKind
  /** The scenarios it takes part in; the browser scenario needs a server of the Charter Desk web client. */
  scenarios: readonly ScenarioKind[]
  /** Counted among the "best peer" of the results table's ratio column (ours ÷ best peer). */
  peer: boolean
  /** Why this server cannot run (e.g. entry point missing, PostgreSQL not reachable); undefined when it can. */
  unavailableReason(): string | undefined | Promise<string | undefined>
  start(): Promise<RunningServer>
}
