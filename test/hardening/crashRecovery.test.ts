import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { databaseFileName } from '../../server/persistence/openSqliteDatabase.ts'
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.ts'
import { scratchText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import type { RawSocket } from '../helpers/rawSocket.ts'
import { seedDataDir } from '../helpers/seedDataDir.ts'
import { type SpawnedServer, spawnServer } from '../helpers/spawnServer.ts'
import { createDataDir } from '../helpers/startTestServer.ts'
import { countTokens, Random, seedFrom, size, summary } from './support.ts'
import { unintegrableUpdate } from './unintegrableUpdate.ts'

/**
 * Randomised SIGKILL (issue 6): a real server process is killed at a random moment while two writers type
 * and an observer watches. The server relays an update only after it is committed, so everything the observer
 * received must survive the crash, exactly once, and the SQLite file must pass `PRAGMA integrity_check`.
 *
 * Replay a run with `CRASH_SEED=<seed printed by the failing run>`.
 */
const rounds = size(5, 30)
const documentName = 'doc-crash'
const tokenPattern = /<r\d+c\d+n\d+>/g

function integrityCheck(dataDir: string): string {
  const database = new Database(path.join(dataDir, databaseFileName))
  try {
    return String(database.pragma('integrity_check', { simple: true }))
  } finally {
    database.close()
  }
}

function isRunning(server: SpawnedServer): boolean {
  return server.child.exitCode === null && server.child.signalCode === null
}

describe('crash recovery under randomised SIGKILL', () => {
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []
  let server: SpawnedServer | null = null
  let dataDir: string | null = null

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const raw of sockets.splice(0)) raw.socket.terminate()
    if (server && isRunning(server)) {
      server.child.kill('SIGKILL')
      await server.exited
    }
    server = null
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    dataDir = null
  })

  it(
    'keeps every relayed edit exactly once across random kills, with an intact database',
    async () => {
      const seed = seedFrom('CRASH_SEED')
      // The schedule (kill delays, compaction settings) replays exactly from the seed; typing interleaves
      // with timers, so it gets its own sequence and cannot shift the schedule.
      const schedule = new Random(seed)
      const typing = new Random(seed ^ 0x9e3779b9)
      console.log(`[hardening] crashRecovery seed=${seed} (replay with CRASH_SEED=${seed})`)
      const dir = createDataDir()
      dataDir = dir
      const params = { token: await seedDataDir(dir, [documentName]) }
      /** Every token an observer had received before a kill: each must be stored exactly once. */
      const acknowledged = new Set<string>()
      let written = 0
      let recoveredTokens = 0
      const killDelays: number[] = []

      /** Starts the server on the data directory and checks what it recovered. */
      async function restartAndVerify(round: number): Promise<SpawnedServer> {
        const compactAfter = schedule.pick(['5', '50', '500'])
        const started = await spawnServer({ DATA_DIR: dir, COMPACT_AFTER_UPDATES: compactAfter })
        server = started
        const reader = await connectClient(started.wsUrl, documentName, { params })
        const counts = countTokens(reader.text.toString(), tokenPattern)
        reader.destroy()
        const missing = [...acknowledged].filter((token) => !counts.has(token))
        const duplicated = [...counts].filter(([, count]) => count > 1).map(([token]) => token)
        expect(missing, `round ${round}: acknowledged tokens lost (seed ${seed})`).toEqual([])
        expect(duplicated, `round ${round}: tokens stored twice (seed ${seed})`).toEqual([])
        recoveredTokens = counts.size
        return started
      }

      for (let round = 0; round < rounds; round++) {
        const running = await restartAndVerify(round)
        const writers = [
          await connectClient(running.wsUrl, documentName, { params }),
          await connectClient(running.wsUrl, documentName, { params }),
        ]
        const observer = await connectClient(running.wsUrl, documentName, { params })
        clients.push(...writers, observer)
        // The shared test paragraph must exist before the writers type into it inside their transactions.
        for (const writer of writers) expect(writer.text.length).toBeGreaterThanOrEqual(0)

        const counters = [0, 0]
        const timers = writers.map((writer, column) =>
          setInterval(() => {
            const burst = typing.int(1, 8)
            writer.ydoc.transact(() => {
              for (let index = 0; index < burst; index++) {
                const token = `<r${round}c${column}n${counters[column]!++}>`
                const at = typing.chance(0.5) ? 0 : writer.text.length
                writer.text.insert(at, token)
                written++
              }
            })
          }, 2),
        )
        const delay = schedule.int(150, 1500)
        killDelays.push(delay)
        await new Promise((resolve) => setTimeout(resolve, delay))
        running.child.kill('SIGKILL')
        for (const timer of timers) clearInterval(timer)
        await running.exited
        // Whatever reached the observer was relayed, so committed, before the kill.
        const observed = countTokens(observer.text.toString(), tokenPattern)
        // Fresh clients every round: the old ones must not re-send anything to the restarted server.
        for (const client of clients.splice(0)) client.destroy()
        for (const [token, count] of observed) {
          expect(count, `observer saw ${token} twice (seed ${seed})`).toBe(1)
          acknowledged.add(token)
        }
        expect(integrityCheck(dir), `round ${round} (seed ${seed})`).toBe('ok')
      }
      const final = await restartAndVerify(rounds)
      final.child.kill('SIGKILL')
      await final.exited
      expect(integrityCheck(dir)).toBe('ok')

      summary('crashRecovery', {
        seed,
        roundsKilled: rounds,
        killDelaysMs: killDelays.join('/'),
        tokensWritten: written,
        tokensAcknowledged: acknowledged.size,
        tokensRecovered: recoveredTokens,
        integrity: 'ok',
      })
    },
    size(120_000, 900_000),
  )

  // Validation refuses such updates before storage (fuzz.test.ts), so this plants one straight into the SQLite
  // log, as a bug, an older version or a hand-edited file could have: the document must still open, skipping
  // (and logging) the bad update and keeping every good update before and after it.
  it('opens a document whose stored log holds an update that cannot be applied, skipping and logging it', async () => {
    expect(() => Y.applyUpdate(new Y.Doc(), unintegrableUpdate)).toThrow()
    const dir = createDataDir()
    dataDir = dir
    const params = { token: await seedDataDir(dir, ['doc-unintegrable']) }
    let running = await spawnServer({ DATA_DIR: dir })
    server = running
    const keeper = await connectClient(running.wsUrl, 'doc-unintegrable', { params })
    clients.push(keeper)
    keeper.text.insert(0, 'before')
    await eventually(async () => {
      const probe = await connectClient(running.wsUrl, 'doc-unintegrable', { params })
      const text = probe.text.toString()
      probe.destroy()
      expect(text).toBe('before')
    })
    // The keeper keeps the room loaded (no compaction) when the process dies.
    running.child.kill('SIGKILL')
    await running.exited
    for (const client of clients.splice(0)) client.destroy()

    const database = new Database(path.join(dir, databaseFileName))
    try {
      const store = new SqliteDocumentStore(database)
      const ydoc = new Y.Doc()
      const good = (await store.load('doc-unintegrable')).updates
      for (const update of good) Y.applyUpdate(ydoc, update)
      database
        .prepare(
          `INSERT INTO document_updates (document_name, seq, data)
           SELECT ?, max(seq) + 1, ? FROM document_updates WHERE document_name = ?`,
        )
        .run('doc-unintegrable', unintegrableUpdate, 'doc-unintegrable')
      const stateBefore = Y.encodeStateVector(ydoc)
      scratchText(ydoc).insert(scratchText(ydoc).length, ' after')
      await store.append('doc-unintegrable', [Y.encodeStateAsUpdate(ydoc, stateBefore)])
      expect((await store.load('doc-unintegrable')).updates).toHaveLength(good.length + 2)
    } finally {
      database.close()
    }

    running = await spawnServer({ DATA_DIR: dir })
    server = running
    const reader = await connectClient(running.wsUrl, 'doc-unintegrable', { params })
    clients.push(reader)
    const recovered = reader.text.toString()
    const skipped = running.logs.filter(
      (entry) => entry.msg === 'skipped a stored update that cannot be applied',
    )
    console.log(
      `[hardening] crashRecovery planted-unintegrable recovered=${JSON.stringify(recovered)} skippedLogged=${skipped.length}`,
    )
    // Yjs integrates part of the bad update before it throws, so its first characters may show up too (see the
    // report line); what matters is that the good updates on both sides of it are all there, in order.
    expect(recovered).toContain('before after')
    expect(skipped).toHaveLength(1)
    expect(skipped[0]).toMatchObject({ level: 'error', documentName: 'doc-unintegrable' })

    // Still a working document: a new edit is stored after the skipped update and survives another crash.
    reader.text.insert(reader.text.length, ' and more')
    await eventually(async () => {
      const probe = await connectClient(running.wsUrl, 'doc-unintegrable', { params })
      const text = probe.text.toString()
      probe.destroy()
      expect(text.endsWith(' after and more')).toBe(true)
    })
    running.child.kill('SIGKILL')
    await running.exited
    for (const client of clients.splice(0)) client.destroy()
    running = await spawnServer({ DATA_DIR: dir })
    server = running
    const again = await connectClient(running.wsUrl, 'doc-unintegrable', { params })
    clients.push(again)
    expect(again.text.toString()).toBe(`${recovered} and more`)
  }, 60_000)
})
