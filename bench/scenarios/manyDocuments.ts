import { setTimeout as sleep } from 'node:timers/promises'
import { type BenchClient, connectClient } from '../clients/connectClient.ts'
import { openClients } from '../clients/openClients.ts'
import type { ClientKind } from '../servers/ServerUnderTest.ts'
import { percentile } from '../stats/percentile.ts'
import type { WorkerContext } from '../WorkerContext.ts'
import { withTimeout } from '../withTimeout.ts'
import type { ManyDocumentsRequest, ScenarioOutcome } from '../workerProtocol.ts'

/** ~300 characters: a short clause, so each document holds real content and not just an empty Y.Doc. */
function seedText(index: number): string {
  return `Article ${index}. The Parties agree to cooperate in good faith on the matters set out in this section, to exchange information in a timely manner, and to refer any dispute arising under it to the joint committee established under Article 12, which shall decide by consensus within thirty days.\n`
}

function waitForLength(client: BenchClient, length: number): Promise<void> {
  if (client.textLength() >= length) return Promise.resolve()
  return new Promise((resolve) => {
    const check = (): void => {
      if (client.textLength() < length) return
      client.doc.off('afterTransaction', check)
      resolve()
    }
    client.doc.on('afterTransaction', check)
  })
}

/**
 * Opens `documents` documents: every document gets one client that writes a ~300-character clause, every
 * second document also a follower that must receive it. Memory per document is the server's RSS growth over
 * a warmed-up baseline divided by the document count, so it includes the per-connection cost too.
 */
export async function manyDocuments(
  context: WorkerContext,
  kind: ClientKind,
  request: ManyDocumentsRequest,
): Promise<ScenarioOutcome> {
  const names = Array.from({ length: request.documents }, (_, i) => `doc-${String(i).padStart(5, '0')}`)
  const [warmupInfo, ...infos] = await context.connections(['warmup', ...names])
  if (!warmupInfo) throw new Error('no connection info')

  // Load the server's code paths once so the baseline does not charge module loading and JIT to documents.
  const warmup = connectClient(kind, warmupInfo)
  await withTimeout(warmup.synced, request.connectTimeoutMs, 'warm-up client sync')
  warmup.text.insert(0, seedText(0))
  await sleep(300)
  warmup.destroy()
  await sleep(700)
  const baseline = await context.probe()

  const writers = await openClients(kind, infos, {
    concurrency: request.connectConcurrency,
    timeoutMs: request.connectTimeoutMs,
    afterSync: (client, index) => client.text.insert(0, seedText(index)),
  })
  context.progress(`${infos.length} documents opened, adding followers`)
  const followerInfos = infos.filter((_info, index) => index % 2 === 1)
  const followers = await openClients(kind, followerInfos, {
    concurrency: request.connectConcurrency,
    timeoutMs: request.connectTimeoutMs,
  })
  await withTimeout(
    Promise.all(followers.clients.map((client, i) => waitForLength(client, seedText(2 * i + 1).length))),
    request.connectTimeoutMs,
    'followers receiving the seeded text',
  )
  // Give the server a moment to finish writing replies and settle its heap before reading RSS.
  await sleep(1000)
  const loaded = await context.probe()

  const openMs = [...writers.openMs, ...followers.openMs]
  const clientCount = writers.clients.length + followers.clients.length
  for (const client of [...writers.clients, ...followers.clients]) client.destroy()

  return {
    metrics: {
      documents: infos.length,
      clients: clientCount,
      openP50Ms: percentile(openMs, 50),
      openP95Ms: percentile(openMs, 95),
      openP99Ms: percentile(openMs, 99),
      firstOpenP50Ms: percentile(writers.openMs, 50),
      secondOpenP50Ms: percentile(followers.openMs, 50),
      rssBaselineMb: baseline.rssBytes / 2 ** 20,
      rssLoadedMb: loaded.rssBytes / 2 ** 20,
      rssPerDocumentKb: (loaded.rssBytes - baseline.rssBytes) / infos.length / 1024,
      serverCpuSeconds: loaded.cpuSeconds - baseline.cpuSeconds,
    },
    notes: [],
  }
}
