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
  }
}
