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

/** Which client library talks to the server. */
export type ClientKind = 'y-websocket' | 'hocuspocus'

export interface RunningServer {
  pid: number
  port: number
  url(documentName: string): string
  connectionOptions?(documentName: string): ConnectionOptions | Promise<ConnectionOptions>
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
  /** Serves the Charter Desk web client (only ours), so the browser scenario can run against it. */
  servesWebClient: boolean
  /** Why this server cannot run (e.g. entry point missing); undefined when it can. */
  unavailableReason(): string | undefined
  start(): Promise<RunningServer>
}
