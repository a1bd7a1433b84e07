export interface MetricDefinition {
  label: string
  /** Which way is better, for the ours/best-peer ratio; 'none' for context numbers, 'bool' for 1/0 checks. */
  better: 'lower' | 'higher' | 'none' | 'bool'
  digits: number
}

/**
 * The rows of the results table, per scenario kind, in display order. Metrics a scenario returns but that
 * are not listed here still go to the JSON file.
 */
export const metricDefinitions: Record<
  'fanOut' | 'manyDocuments' | 'editingTrace' | 'browserEditing',
  Record<string, MetricDefinition>
> = {
  fanOut: {
    latencyP50Ms: { label: 'edit → all peers p50 (ms)', better: 'lower', digits: 1 },
    latencyP95Ms: { label: 'edit → all peers p95 (ms)', better: 'lower', digits: 1 },
    latencyP99Ms: { label: 'edit → all peers p99 (ms)', better: 'lower', digits: 1 },
    deliveryP99Ms: { label: 'edit → one peer p99 (ms)', better: 'lower', digits: 1 },
    // Only arrivals whose author and receiver are on different instances: — for a single process.
    crossInstanceP50Ms: { label: 'edit → peer on other instance p50 (ms)', better: 'lower', digits: 1 },
    crossInstanceP99Ms: { label: 'edit → peer on other instance p99 (ms)', better: 'lower', digits: 1 },
    editsPerSecond: { label: 'edits sent /s', better: 'none', digits: 0 },
    deliveriesPerSecond: { label: 'updates delivered /s', better: 'higher', digits: 0 },
    converged: { label: 'converged', better: 'bool', digits: 0 },
    serverCpuSeconds: { label: 'server CPU (s)', better: 'lower', digits: 2 },
    serverCpuMsPer1kDeliveries: {
      label: 'server CPU ms / 1k delivered updates',
      better: 'lower',
      digits: 2,
    },
    // The PostgreSQL backends of the run's database (ours-pg, ours-cluster): work ours does in-process on SQLite.
    databaseCpuMsPer1kDeliveries: {
      label: 'PostgreSQL backends CPU ms / 1k delivered updates',
      better: 'lower',
      digits: 2,
    },
    serverStartRssMb: { label: 'server RSS after start (MiB)', better: 'lower', digits: 1 },
    serverPeakRssMb: { label: 'server peak RSS (MiB)', better: 'lower', digits: 1 },
    clientCpuShare: { label: 'client process CPU (cores)', better: 'none', digits: 2 },
    clientLoopDelayP99Ms: { label: 'client event-loop delay p99 (ms)', better: 'none', digits: 1 },
    connectAllMs: { label: 'connect + sync all clients (ms)', better: 'lower', digits: 0 },
  },
  manyDocuments: {
    openP50Ms: { label: 'open (connect → synced) p50 (ms)', better: 'lower', digits: 1 },
    openP95Ms: { label: 'open (connect → synced) p95 (ms)', better: 'lower', digits: 1 },
    rssPerDocumentKb: { label: 'server RSS per loaded document (KiB)', better: 'lower', digits: 1 },
    rssBaselineMb: { label: 'server RSS baseline (MiB)', better: 'lower', digits: 1 },
    rssLoadedMb: { label: 'server RSS with all loaded (MiB)', better: 'lower', digits: 1 },
    serverPeakRssMb: { label: 'server peak RSS (MiB)', better: 'lower', digits: 1 },
    serverCpuSeconds: { label: 'server CPU to open all (s)', better: 'lower', digits: 2 },
    serverStartRssMb: { label: 'server RSS after start (MiB)', better: 'lower', digits: 1 },
  },
  editingTrace: {
    convergeMs: { label: 'replay → all followers converged (ms)', better: 'lower', digits: 0 },
    replaySendMs: { label: 'writer finished sending (ms)', better: 'lower', digits: 0 },
    transactionsPerSecond: { label: 'transactions /s (end to end)', better: 'higher', digits: 0 },
    converged: { label: 'converged (followers + cold load)', better: 'bool', digits: 0 },
    serverCpuSeconds: { label: 'server CPU during replay (s)', better: 'lower', digits: 2 },
    serverPeakRssMb: { label: 'server peak RSS (MiB)', better: 'lower', digits: 1 },
    clientCpuShare: { label: 'client process CPU (cores)', better: 'none', digits: 2 },
    coldLoadMs: { label: 'cold load: connect → synced (ms)', better: 'lower', digits: 1 },
    coldLoadBytes: { label: 'cold load: bytes received', better: 'lower', digits: 0 },
    documentStateBytes: { label: 'document state size (bytes)', better: 'none', digits: 0 },
  },
  browserEditing: {
    loadEditableMs: {
      label: 'navigation → 100-page charter synced + editable (ms)',
      better: 'lower',
      digits: 0,
    },
    keystrokeFrameP50Ms: { label: 'keystroke → next frame p50 (ms)', better: 'lower', digits: 1 },
    keystrokeFrameP95Ms: { label: 'keystroke → next frame p95 (ms)', better: 'lower', digits: 1 },
    keystrokeDomP50Ms: { label: 'keystroke → DOM updated p50 (ms)', better: 'lower', digits: 1 },
    keystrokeDomP95Ms: { label: 'keystroke → DOM updated p95 (ms)', better: 'lower', digits: 1 },
    remoteKeystrokesPerSecond: { label: 'remote keystrokes /s (all typists)', better: 'none', digits: 0 },
    characters: { label: 'charter characters', better: 'none', digits: 0 },
    seedBytes: { label: 'charter Yjs state (bytes)', better: 'none', digits: 0 },
    scriptBytesBeforeEditable: {
      label: 'JS transferred before editable, as served (bytes)',
      better: 'lower',
      digits: 0,
    },
    throttledFirstVisitMs: {
      label: '1.6 Mbit/s, 150 ms RTT: first visit → editable (ms)',
      better: 'lower',
      digits: 0,
    },
    throttledRepeatVisitMs: {
      label: '1.6 Mbit/s, 150 ms RTT: repeat visit → editable (ms)',
      better: 'lower',
      digits: 0,
    },
    initialJsGzipBytes: { label: 'initial client JS, gzipped (bytes)', better: 'lower', digits: 0 },
    initialJsBytes: { label: 'initial client JS, raw (bytes)', better: 'none', digits: 0 },
    serverPeakRssMb: { label: 'server peak RSS (MiB)', better: 'lower', digits: 1 },
  },
}
