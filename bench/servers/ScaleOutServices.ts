import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createClient } from 'redis'
import { administerPostgres } from '../../test/helpers/administerPostgres.ts'

export interface ScratchDatabase {
  /** Connection string of the new, empty database. */
  url: string
  drop(): Promise<void>
}

/** How long a reachability check may take: a missing service must not hold up the bench. */
const checkTimeoutMs = 2000

/** `host:port` of a URL, never its credentials. */
function where(url: string): string {
  const parsed = URL.parse(url)
  return parsed ? `${parsed.hostname}:${parsed.port || '(default port)'}` : '(unparsable URL)'
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(messageOf).join('; ')
  return error instanceof Error ? error.message || error.name : String(error)
}

/**
 * The PostgreSQL server and Redis that the scale-out columns (`ours-pg`, `ours-cluster`) run on: every run
 * gets a database of its own, created from `adminUrl` (a database it may run CREATE DATABASE from) and
 * dropped when the run stops, and a Redis channel prefix of its own.
 */
export class ScaleOutServices {
  private postgresCheck: Promise<string | undefined> | undefined
  private redisCheck: Promise<string | undefined> | undefined

  constructor(
    readonly adminUrl: string,
    readonly redisUrl: string,
  ) {}

  /** Where the services are, for the servers' description lines (no credentials). */
  describe(): { postgres: string; redis: string } {
    return { postgres: where(this.adminUrl), redis: where(this.redisUrl) }
  }

  /** Why PostgreSQL (and Redis, if asked) cannot be used; checked once per bench process. */
  async unavailableReason(needsRedis: boolean): Promise<string | undefined> {
    this.postgresCheck ??= this.checkPostgres()
    const postgres = await this.postgresCheck
    if (postgres !== undefined || !needsRedis) return postgres
    this.redisCheck ??= this.checkRedis()
    return this.redisCheck
  }

  /** `charter_bench_<random>`, empty; the server's own migrations create the schema. */
  async createDatabase(): Promise<ScratchDatabase> {
    const name = `charter_bench_${randomBytes(6).toString('hex')}`
    await administerPostgres(this.adminUrl, `CREATE DATABASE ${name}`)
    const url = new URL(this.adminUrl)
    url.pathname = `/${name}`
    return {
      url: url.toString(),
      // FORCE: a server killed mid-run may leave connections behind for a moment.
      drop: () => administerPostgres(this.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    }
  }

  /** Channels of one run, so concurrent benches and tests on the same Redis never hear each other. */
  redisPrefix(): string {
    return `charter-bench:${randomBytes(6).toString('hex')}:`
  }

  private async checkPostgres(): Promise<string | undefined> {
    const client = new pg.Client({ connectionString: this.adminUrl, connectionTimeoutMillis: checkTimeoutMs })
    client.on('error', () => {})
    try {
      await client.connect()
      await client.query('SELECT 1')
      return undefined
    } catch (error) {
      return `PostgreSQL at ${where(this.adminUrl)} not reachable (${messageOf(error)}); set BENCH_DATABASE_URL`
    } finally {
      await client.end().catch(() => {})
    }
  }

  private async checkRedis(): Promise<string | undefined> {
    // No reconnects: one failed attempt is the answer.
    const client = createClient({
      url: this.redisUrl,
      socket: { connectTimeout: checkTimeoutMs, reconnectStrategy: false },
    })
    client.on('error', () => {})
    try {
      await client.connect()
      await client.ping()
      return undefined
    } catch (error) {
      return `Redis at ${where(this.redisUrl)} not reachable (${messageOf(error)}); set BENCH_REDIS_URL`
    } finally {
      if (client.isOpen) await client.close().catch(() => {})
    }
  }
}
