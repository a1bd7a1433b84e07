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
  }
}
