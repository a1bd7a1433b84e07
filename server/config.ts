import path from 'node:path'
import { limits } from '../shared/protocol/index.ts'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/** Everything the server reads from its environment, parsed and validated once at start-up. */
export interface Config {
  host: string
  /** 0 picks a free port (tests). */
  port: number
  dataDir: string
  /** Directory of the built client; the server still runs (API + sync only) if it is missing. */
  clientDir: string
  logLevel: LogLevel
  /** Frames above this size are refused with close code 1009. */
  maxMessageBytes: number
  /** Compact a document's update log into one state update after this many appended updates. */
  compactAfterUpdates: number
  /** Ping interval; a connection that misses a pong for one whole interval is dropped. */
  pingIntervalMs: number
  /**
   * PostgreSQL connection string (postgres://…): when set, every store lives in PostgreSQL and several
   * instances may share it; when null, the SQLite file in `dataDir`.
   */
  databaseUrl: string | null
  /** Connections each instance's PostgreSQL pool may hold. */
  databasePoolSize: number
  /** SQLite `synchronous` pragma: FULL survives power loss, NORMAL survives process crashes only. */
  sqliteSynchronous: 'FULL' | 'NORMAL'
  /** Origins allowed to use cookie sessions and open sockets; null = the origin of the request's Host. */
  allowedOrigins: string[] | null
  /** Open connections are re-checked this often, so revocations and role changes apply within seconds. */
  sessionRecheckMs: number
  browserSessionTtlMs: number
  /** Mark the session cookie Secure (set when served over HTTPS). */
  secureCookies: boolean
  /** Create one demo account per role and delegation and print their sign-in links. */
  demo: boolean
  /** Base URL printed in setup and sign-in links; defaults to http://localhost:<port>. */
  publicUrl: string | null
  limits: SyncLimits
  /** Bearer token for GET /metrics; without one, /metrics answers loopback addresses only. */
  metricsToken: string | null
}

/** Per-connection and per-client limits of the sync server. Each protects against one kind of abuse. */
export interface SyncLimits {
  /** Open sockets from one IP address (a runaway script or a flood from one host). */
  maxConnectionsPerAddress: number
  /** Open sockets of one account (one person rarely has more than a few windows). */
  maxConnectionsPerUser: number
  /** Authentication and document load must finish within this time, or the socket is closed with 4408. */
  authDeadlineMs: number
  /** Bytes a client may send before its document is ready; anything more is a flood (close 1008). */
  preAuthBudgetBytes: number
  /** Sustained frames per second per connection (a token bucket); above it the socket is closed with 4429. */
  messagesPerSecond: number
  /** Bucket size: how many frames may arrive in a burst, e.g. after an offline period. */
  messageBurst: number
  /** A document whose stored updates exceed this stops accepting updates (close 1009). */
  maxDocumentBytes: number
  /** A socket whose unsent data exceeds this is a slow consumer and is closed (1008), never silently skipped. */
  maxBufferedBytes: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

type Environment = Record<string, string | undefined>

function integer(env: Environment, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

function postgresUrl(env: Environment, key: string): string | null {
  const raw = env[key]
  if (raw === undefined || raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`${key} must be a postgres:// URL`)
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${key} must be a postgres:// URL, got a ${url.protocol} URL`)
  }
  return raw
}

function oneOf<T extends string>(env: Environment, key: string, allowed: readonly T[], fallback: T): T {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  const match = allowed.find((candidate) => candidate === raw)
  if (!match) throw new ConfigError(`${key} must be one of ${allowed.join(', ')}, got "${raw}"`)
  return match
}

export function parseConfig(env: Environment, cwd: string = process.cwd()): Config {
  return {
    host: env.HOST || '0.0.0.0',
    port: integer(env, 'PORT', 1234, 0, 65535),
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    clientDir: path.resolve(cwd, env.CLIENT_DIR || 'dist/client'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'], 'info'),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', limits.maxMessageBytes, 1024, 256 * 1024 * 1024),
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1, 1_000_000),
    pingIntervalMs: integer(env, 'PING_INTERVAL_MS', 30_000, 100, 3_600_000),
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'], 'FULL'),
    allowedOrigins: env.ALLOWED_ORIGINS
      ? env.ALLOWED_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : null,
    sessionRecheckMs: integer(env, 'SESSION_RECHECK_MS', 2000, 50, 60_000),
    browserSessionTtlMs: integer(env, 'SESSION_TTL_HOURS', 24 * 7, 1, 24 * 90) * 3_600_000,
    secureCookies: oneOf(env, 'SECURE_COOKIES', ['true', 'false'], 'false') === 'true',
    demo: oneOf(env, 'DEMO', ['0', '1', 'true', 'false'], '0').match(/^(1|true)$/) !== null,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : null,
    limits: {
      maxConnectionsPerAddress: integer(env, 'MAX_CONNECTIONS_PER_ADDRESS', 200, 1, 1_000_000),
      maxConnectionsPerUser: integer(env, 'MAX_CONNECTIONS_PER_USER', 50, 1, 1_000_000),
      authDeadlineMs: integer(env, 'AUTH_DEADLINE_MS', 10_000, 100, 600_000),
      preAuthBudgetBytes: integer(env, 'PRE_AUTH_BUDGET_BYTES', 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      messagesPerSecond: integer(env, 'MESSAGES_PER_SECOND', 2000, 1, 10_000_000),
      messageBurst: integer(env, 'MESSAGE_BURST', 20_000, 1, 100_000_000),
      maxDocumentBytes: integer(env, 'MAX_DOCUMENT_BYTES', 256 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
      maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    },
    metricsToken: env.METRICS_TOKEN || null,
  }
}
