import pg from 'pg'
import { cpuSecondsOf } from '../processStats.ts'

/**
 * CPU time of the PostgreSQL backends serving one database: PostgreSQL forks a process per connection, so the
 * work of the server's queries and commits (fsync included) runs there, outside the server's process tree.
 * Read from /proc, so only when PostgreSQL runs on this machine. Shared processes (WAL writer, checkpointer)
 * are not counted: they work for every database at once.
 *
 * The figure is cumulative from the first call on: a backend first seen after that counts whole (it started
 * meanwhile); one that ended between two calls loses what it used since the earlier call (the pool closes a
 * connection after 10 s idle, when it has been using nothing).
 */
export class PostgresBackendCpu {
  private readonly lastSeen = new Map<number, number>()
  private total = 0
  private baselineTaken = false

  private constructor(private readonly client: pg.Client) {}

  /** Connects to `databaseUrl` with a connection of its own (which is left out of the figures). */
  static async connect(databaseUrl: string): Promise<PostgresBackendCpu> {
    const client = new pg.Client({ connectionString: databaseUrl })
    client.on('error', () => {})
    await client.connect()
    return new PostgresBackendCpu(client)
  }

  /** Cumulative CPU seconds; undefined when no backend could be read (PostgreSQL on another machine). */
  async cpuSeconds(): Promise<number | undefined> {
    const { rows } = await this.client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
    let readable = 0
    const live = new Set(rows.map((row) => row.pid))
    for (const pid of this.lastSeen.keys()) if (!live.has(pid)) this.lastSeen.delete(pid)
    for (const pid of live) {
      let seconds: number
      try {
        seconds = cpuSecondsOf(pid)
      } catch {
        continue
      }
      readable += 1
      const previous = this.lastSeen.get(pid)
      if (previous !== undefined) this.total += seconds - previous
      else if (this.baselineTaken) this.total += seconds
      this.lastSeen.set(pid, seconds)
    }
    this.baselineTaken = true
    return rows.length > 0 && readable === 0 ? undefined : this.total
  }

  close(): Promise<void> {
    return this.client.end()
  }
}
