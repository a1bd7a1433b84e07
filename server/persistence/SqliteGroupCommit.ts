import fs from 'node:fs'
import type { SqliteDatabase } from './openSqliteDatabase.ts'

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

interface Queued {
  work: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

const perDatabase = new WeakMap<SqliteDatabase, SqliteGroupCommit>()

/**
 * Group commit: writes requested in one event-loop turn, by any room or connection, share one SQLite transaction,
 * so one fsync makes them all durable instead of one each. Each write runs in a savepoint of its own, so a write
 * that throws rolls back alone and rejects alone, exactly as if it had had its own transaction; every promise
 * settles only once the shared transaction is committed and durable, so nothing is acknowledged before it is.
 * Costs one `setImmediate` of latency; at 2 clients typing into different documents, or 1,000 documents opening
 * at once, it saves an fsync per write.
 *
 * With `synchronous=FULL` the fsync is not SQLite's, made inside the commit on the event loop (0.2–2 ms each, and
 * 1.4 s of a 1,000-document open burst in the profile, during which no socket was read), but ours, of the WAL
 * file on libuv's thread pool: the transaction commits with `synchronous=NORMAL` (in WAL mode NORMAL still syncs
 * around checkpoints; it skips only the per-commit sync of the WAL) and its writers are answered when an fsync
 * of the WAL that started after the commit has finished. Meanwhile the event loop serves other sockets and the
 * next turn's transaction commits, to be covered by the next fsync. Writes outside the group commit (the other
 * stores' own statements) keep `synchronous=FULL`.
 */
export class SqliteGroupCommit {
  private queue: Queued[] = []
  /** The WAL file, synced by us after each commit; null when SQLite syncs in the commit, or need not sync. */
  private readonly wal: { fd: number; relaxed: () => void; strict: () => void } | null
  private syncing = false
  /** Writers of committed transactions waiting for an fsync that starts after their commit. */
  private awaitingSync: Waiter[] = []

  /** The database was closed: the WAL's descriptor is closed once no fsync uses it. */
  private closed = false
  private walClosed = false

  private constructor(private readonly database: SqliteDatabase) {
    this.wal = SqliteGroupCommit.openWal(database)
    if (!this.wal) return
    const close = database.close.bind(database)
    database.close = () => {
      this.closed = true
      if (!this.syncing) this.closeWal()
      return close()
    }
  }

  private closeWal(): void {
    if (!this.wal || this.walClosed) return
    this.walClosed = true
    fs.closeSync(this.wal.fd)
  }

  private static openWal(database: SqliteDatabase): SqliteGroupCommit['wal'] {
    const synchronous = database.pragma('synchronous', { simple: true })
    const journalMode = database.pragma('journal_mode', { simple: true })
    if (database.memory || synchronous !== 2 || journalMode !== 'wal') return null
    let fd: number
    try {
      // The WAL file lives as long as the connection (SQLite truncates it, never replaces it, while open).
      fd = fs.openSync(`${database.name}-wal`, 'r')
    } catch {
      return null
    }
    const relax = database.prepare('PRAGMA synchronous = NORMAL')
    const restore = database.prepare('PRAGMA synchronous = FULL')
    return { fd, relaxed: () => relax.run(), strict: () => restore.run() }
  }

  /** The one group commit of a database, so every store writing to it shares its transactions. */
  static of(database: SqliteDatabase): SqliteGroupCommit {
    let group = perDatabase.get(database)
    if (!group) {
      group = new SqliteGroupCommit(database)
      perDatabase.set(database, group)
    }
    return group
  }

  /** Runs `work` (synchronous SQLite calls) in the next shared transaction; resolves once that committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (this.queue.length === 1) setImmediate(this.commit)
    })
  }

  private readonly commit = (): void => {
    const queue = this.queue
    this.queue = []
    if (queue.length === 0) return
    let outcomes: Outcome[]
    try {
      this.wal?.relaxed()
      try {
        outcomes = this.transact(queue)
      } finally {
        this.wal?.strict()
      }
    } catch (error) {
      // The commit itself failed (disk full, I/O error, the database closed): nothing of this turn is stored.
      for (const { reject } of queue) reject(error)
      return
    }
    const settle = (): void =>
      queue.forEach(({ resolve, reject }, index) => {
        const outcome = outcomes[index]
        if (outcome?.ok) resolve(outcome.value)
        else reject(outcome ? outcome.error : new Error('not run'))
      })
    if (!this.wal || !outcomes.some((outcome) => outcome.ok)) {
      settle()
      return
    }
    this.awaitingSync.push({
      resolve: settle,
      // The data may or may not be on disk: nobody is told it is stored.
      reject: (error) => {
        for (const { reject } of queue) reject(error)
      },
    })
    if (!this.syncing) this.syncWal()
  }

  /** Runs the turn's writes in one transaction and commits it; throws if the commit itself fails. */
  private transact(queue: readonly Queued[]): Outcome[] {
    if (queue.length === 1) {
      // Alone in its turn (the common case at a few writers): no savepoint to isolate it from others, which
      // saves two statements per commit. A write that throws rolls back the whole (its own) transaction.
      try {
        return [{ ok: true, value: this.database.transaction((queue[0] as Queued).work)() }]
      } catch (error) {
        return [{ ok: false, error }]
      }
    }
    const outcomes: Outcome[] = []
    this.database.transaction(() => {
      for (const { work } of queue) {
        try {
          // Nested: better-sqlite3 runs it in a savepoint, rolled back if it throws.
          outcomes.push({ ok: true, value: this.database.transaction(work)() })
        } catch (error) {
          outcomes.push({ ok: false, error })
        }
      }
    })()
    return outcomes
  }

  /** One fsync of the WAL for every commit waiting; commits made while it runs wait for the next one. */
  private syncWal(): void {
    const wal = this.wal
    if (!wal) return
    const waiting = this.awaitingSync
    this.awaitingSync = []
    this.syncing = true
    fs.fsync(wal.fd, (error) => {
      this.syncing = false
      for (const waiter of waiting) {
        if (error) waiter.reject(error)
        else waiter.resolve()
      }
      if (!this.closed) {
        if (this.awaitingSync.length > 0) this.syncWal()
        return
      }
      // Closed meanwhile: one last fsync for the writers still waiting. The descriptor still names the WAL even if
      // SQLite removed the file on close, having checkpointed it into the database file.
      const waitingAtClose = this.awaitingSync.splice(0)
      let failure: unknown = null
      if (waitingAtClose.length > 0) {
        try {
          fs.fsyncSync(wal.fd)
        } catch (syncError) {
          failure = syncError
        }
      }
      this.closeWal()
      for (const waiter of waitingAtClose) {
        if (failure) waiter.reject(failure)
        else waiter.resolve()
      }
    })
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }
