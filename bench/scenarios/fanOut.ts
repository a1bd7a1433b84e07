import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { benchFragmentName } from '../clients/connectClient.ts'
import { openClients } from '../clients/openClients.ts'
import { startClientLoadMeter } from '../clients/startClientLoadMeter.ts'
import type { ClientKind } from '../servers/ServerUnderTest.ts'
import { percentile } from '../stats/percentile.ts'
import type { WorkerContext } from '../WorkerContext.ts'
import type { FanOutRequest, ScenarioOutcome } from '../workerProtocol.ts'
import { DeliveryLatencies } from './DeliveryLatencies.ts'

interface Edit {
  sentAt: number
  /** The author's clock after the edit: a peer has the edit once its state vector reaches this. */
  endClock: number
  /** Peers that have not received it yet. */
  pending: number
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz'

/** Resolves once the server used under 5 % of a core over 250 ms, or after 15 s. */
async function serverIdle(context: WorkerContext): Promise<void> {
  const intervalMs = 250
  const deadline = performance.now() + 15_000
  let before = await context.probe()
  while (performance.now() < deadline) {
    await sleep(intervalMs)
    const after = await context.probe()
    if (after.cpuSeconds - before.cpuSeconds < 0.05 * (intervalMs / 1000)) return
    before = after
  }
}

function randomChars(length: number): string {
  let result = ''
  for (let i = 0; i < length; i++) result += alphabet[Math.floor(Math.random() * alphabet.length)]
  return result
}

/**
 * N clients on one document, each inserting 3 characters at a random position at a steady rate. An edit's
 * latency is measured from the author's transaction to the moment the last peer integrated it; we detect
 * arrival from the peers' state vectors, so nothing has to be embedded in the text. Each client asks for a
 * connection of its own, so a server of several instances gets them in turn and arrivals between clients on
 * different instances are also reported apart (cross-instance latency).
 */
export async function fanOut(
  context: WorkerContext,
  kind: ClientKind,
  request: FanOutRequest,
): Promise<ScenarioOutcome> {
  const notes: string[] = []
  const documentName = `fanout-${request.clients}`
  const infos = await context.connections(Array.from({ length: request.clients }, () => documentName))
  const connectStarted = performance.now()
  const { clients, openMs } = await openClients(kind, infos, {
    concurrency: request.connectConcurrency,
    timeoutMs: request.connectTimeoutMs,
  })
  const connectAllMs = performance.now() - connectStarted
  // Every join broadcasts awareness to all peers (N² messages); let that burst pass before measuring, and
  // wait until the server is idle too: a server still working through the joins would charge that work to
  // the edits (a fixed pause did, for the peers at 200 clients).
  await sleep(Math.min(3000, 200 + request.clients * 10))
  // One client creates the paragraph everyone edits; wait until all have it, so nobody creates a second one.
  void clients[0]!.text
  const seedDeadline = performance.now() + request.connectTimeoutMs
  while (!clients.every((client) => client.doc.getXmlFragment(benchFragmentName).length > 0)) {
    if (performance.now() > seedDeadline) throw new Error('the first paragraph did not reach every client')
    await sleep(20)
  }
  await serverIdle(context)
  context.progress(`${request.clients} clients synced in ${connectAllMs.toFixed(0)} ms, editing`)

  const editsByAuthor = new Map<number, Edit[]>()
  const instanceByAuthor = new Map<number, number>()
  clients.forEach((client, index) => {
    editsByAuthor.set(client.doc.clientID, [])
    instanceByAuthor.set(client.doc.clientID, infos[index]?.instance ?? 0)
  })
  const fanOutLatencies: number[] = []
  const deliveries = new DeliveryLatencies()
  let outstanding = 0
  let onDrained: (() => void) | undefined

  clients.forEach((client, index) => {
    const receiverInstance = infos[index]?.instance ?? 0
    const cursors = new Map<number, number>()
    client.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return
      const now = performance.now()
      transaction.afterState.forEach((after, author) => {
        const edits = editsByAuthor.get(author)
        if (!edits || after <= (transaction.beforeState.get(author) ?? 0)) return
        let cursor = cursors.get(author) ?? 0
        const authorInstance = instanceByAuthor.get(author) ?? 0
        for (let edit = edits[cursor]; edit !== undefined && edit.endClock <= after; edit = edits[++cursor]) {
          deliveries.record(now - edit.sentAt, authorInstance, receiverInstance)
          edit.pending--
          if (edit.pending === 0) {
            fanOutLatencies.push(now - edit.sentAt)
            outstanding--
            if (outstanding === 0) onDrained?.()
          }
        }
        cursors.set(author, cursor)
      })
    })
  })

  const intervalMs = 1000 / request.editsPerSecond
  const timers: NodeJS.Timeout[] = []
  let editing = true
  let editsSent = 0
  const editOnce = (index: number): void => {
    const client = clients[index]!
    const position = Math.floor(Math.random() * (client.text.length + 1))
    const sentAt = performance.now()
    client.text.insert(position, randomChars(3))
    editsByAuthor.get(client.doc.clientID)!.push({
      sentAt,
      endClock: Y.getState(client.doc.store, client.doc.clientID),
      pending: clients.length - 1,
    })
    outstanding++
    editsSent++
  }

  const serverBefore = await context.probe()
  const stopLoadMeter = startClientLoadMeter()
  const windowStarted = performance.now()
  clients.forEach((_client, index) => {
    // Random phase per client so the edits arrive spread out, not in N-sized bursts.
    const phase = setTimeout(() => {
      if (!editing) return
      editOnce(index)
      timers.push(setInterval(() => editOnce(index), intervalMs))
    }, Math.random() * intervalMs)
    timers.push(phase)
  })
  await sleep(request.durationMs)
  editing = false
  for (const timer of timers) clearTimeout(timer)
  const editingMs = performance.now() - windowStarted

  if (outstanding > 0) {
    await Promise.race([
      new Promise<void>((resolve) => {
        onDrained = resolve
      }),
      sleep(request.drainTimeoutMs),
    ])
  }
  const windowMs = performance.now() - windowStarted
  const clientLoad = stopLoadMeter()
  const serverAfter = await context.probe()

  // Read after the probe: a saturated client loop may still deliver edits queued behind the drain timer.
  const undelivered = outstanding
  const reference = clients[0]!.textContent()
  const identical = clients.every((client) => client.textContent() === reference)
  if (undelivered > 0) notes.push(`${undelivered} edits not delivered to every peer within the drain timeout`)
  if (!identical) notes.push('clients did not converge to identical text')
  if (clientLoad.loopDelayP99Ms > 100) {
    notes.push(
      'client process saturated: latencies include queueing in the clients, compare server CPU instead',
    )
  }
  for (const client of clients) client.destroy()

  const windowSeconds = windowMs / 1000
  const serverCpuSeconds = serverAfter.cpuSeconds - serverBefore.cpuSeconds
  const databaseCpuSeconds =
    serverBefore.databaseCpuSeconds !== undefined && serverAfter.databaseCpuSeconds !== undefined
      ? serverAfter.databaseCpuSeconds - serverBefore.databaseCpuSeconds
      : Number.NaN
  const perThousandDeliveries = (cpuSeconds: number): number =>
    deliveries.count > 0 ? (cpuSeconds * 1e6) / deliveries.count : Number.NaN
  return {
    metrics: {
      clients: clients.length,
      connectAllMs,
      openP50Ms: percentile(openMs, 50),
      editsSent,
      editsPerSecond: editsSent / (editingMs / 1000),
      latencyP50Ms: percentile(fanOutLatencies, 50),
      latencyP95Ms: percentile(fanOutLatencies, 95),
      latencyP99Ms: percentile(fanOutLatencies, 99),
      ...deliveries.metrics(),
      deliveriesPerSecond: deliveries.count / windowSeconds,
      undelivered,
      converged: undelivered === 0 && identical ? 1 : 0,
      serverCpuSeconds,
      serverCpuShare: serverCpuSeconds / windowSeconds,
      serverCpuMsPer1kDeliveries: perThousandDeliveries(serverCpuSeconds),
      databaseCpuSeconds,
      databaseCpuMsPer1kDeliveries: perThousandDeliveries(databaseCpuSeconds),
      clientCpuSeconds: clientLoad.cpuSeconds,
      clientCpuShare: clientLoad.cpuShare,
      clientLoopDelayP99Ms: clientLoad.loopDelayP99Ms,
    },
    notes,
  }
}
