import { performance } from 'node:perf_hooks'
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises'
import * as Y from 'yjs'
import { type BenchClient, connectClient } from '../clients/connectClient.ts'
import { openClients } from '../clients/openClients.ts'
import { startClientLoadMeter } from '../clients/startClientLoadMeter.ts'
import type { ClientKind } from '../servers/ServerUnderTest.ts'
import type { WorkerContext } from '../WorkerContext.ts'
import { withTimeout } from '../withTimeout.ts'
import type { EditingTraceRequest, ScenarioOutcome } from '../workerProtocol.ts'
import { loadEditingTrace } from './loadEditingTrace.ts'

/** Above this many queued bytes the writer waits: the point is to go as fast as the socket drains. */
const highWaterBytes = 1 << 20

function caughtUp(follower: BenchClient, writerId: number, clock: number, length: number): Promise<void> {
  const done = (): boolean =>
    Y.getState(follower.doc.store, writerId) >= clock && follower.textLength() === length
  if (done()) return Promise.resolve()
  return new Promise((resolve) => {
    const check = (): void => {
      if (!done()) return
      follower.doc.off('afterTransaction', check)
      resolve()
    }
    follower.doc.on('afterTransaction', check)
  })
}

/**
 * One writer replays a real editing trace, one Yjs transaction per trace transaction, while followers
 * receive it; then a fresh client loads the finished document from the server (cold load).
 */
export async function editingTrace(
  context: WorkerContext,
  kind: ClientKind,
  request: EditingTraceRequest,
): Promise<ScenarioOutcome> {
  const notes: string[] = []
  const trace = loadEditingTrace(request.tracePath)
  const txns = request.maxTransactions > 0 ? trace.txns.slice(0, request.maxTransactions) : trace.txns
  const wholeTrace = txns.length === trace.txns.length
  const [info] = await context.connections(['trace'])
  if (!info) throw new Error('no connection info')
  const { clients } = await openClients(kind, new Array(request.followers + 1).fill(info), {
    concurrency: request.followers + 1,
    timeoutMs: request.connectTimeoutMs,
  })
  const [writer, ...followers] = clients as [BenchClient, ...BenchClient[]]
  await sleep(300)
  context.progress(`replaying ${txns.length} transactions to ${followers.length} followers`)

  const serverBefore = await context.probe()
  const stopLoadMeter = startClientLoadMeter()
  const started = performance.now()
  if (trace.startContent) writer.text.insert(0, trace.startContent)
  for (let i = 0; i < txns.length; i++) {
    const patches = txns[i]!.patches
    writer.doc.transact(() => {
      for (const [position, deleteCount, insertText] of patches) {
        if (deleteCount > 0) writer.text.delete(position, deleteCount)
        if (insertText) writer.text.insert(position, insertText)
      }
    })
    if ((i + 1) % request.batchSize === 0) {
      while (writer.bufferedAmount() > highWaterBytes) await sleep(1)
      // Let the followers' sockets be read between batches; they share this process with the writer.
      await yieldToEventLoop()
    }
  }
  const sentMs = performance.now() - started
  const writerId = writer.doc.clientID
  const finalClock = Y.getState(writer.doc.store, writerId)
  const expected = writer.textContent()
  if (wholeTrace && expected !== trace.endContent) notes.push('writer text differs from the trace endContent')
  await withTimeout(
    Promise.all(followers.map((follower) => caughtUp(follower, writerId, finalClock, expected.length))),
    request.convergeTimeoutMs,
    'followers converging',
  )
  const convergeMs = performance.now() - started
  const clientLoad = stopLoadMeter()
  const serverAfter = await context.probe()
  const converged = followers.every((follower) => follower.textContent() === expected)
  if (!converged) notes.push('followers did not converge to the writer text')

  const coldStarted = performance.now()
  const cold = connectClient(kind, info)
  await withTimeout(cold.synced, request.convergeTimeoutMs, 'cold-load client sync')
  const coldLoadMs = performance.now() - coldStarted
  const coldBytes = cold.bytesReceived()
  const coldCorrect = cold.textContent() === expected
  if (!coldCorrect) notes.push('cold-loaded text differs from the writer text')
  const stateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength
  const serverEnd = await context.probe()
  for (const client of [...clients, cold]) client.destroy()

  const seconds = convergeMs / 1000
  return {
    metrics: {
      transactions: txns.length,
      followers: followers.length,
      replaySendMs: sentMs,
      convergeMs,
      transactionsPerSecond: txns.length / seconds,
      converged: converged && coldCorrect ? 1 : 0,
      serverCpuSeconds: serverAfter.cpuSeconds - serverBefore.cpuSeconds,
      serverCpuShare: (serverAfter.cpuSeconds - serverBefore.cpuSeconds) / seconds,
      clientCpuSeconds: clientLoad.cpuSeconds,
      clientCpuShare: clientLoad.cpuShare,
      coldLoadMs,
      coldLoadBytes: coldBytes,
      documentStateBytes: stateBytes,
      serverRssAfterMb: serverEnd.rssBytes / 2 ** 20,
      textLength: expected.length,
    },
    notes,
  }
}
