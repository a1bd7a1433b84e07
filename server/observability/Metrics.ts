import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

type Labels = Record<string, string>

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/**
 * The server's metrics: a prom-client registry of its own (so several apps in one test process do not collide)
 * with Node's default process metrics (event-loop lag, GC, heap, CPU, handles), every series labelled with
 * the instance. Call sites name a metric where they use it (`increment`, `set`, `observe`); the metric is
 * created on first use with the label names of that call. prom-client escapes label values, so names coming
 * from clients cannot break the exposition.
 */
export class Metrics {
  readonly registry = new Registry()
  private readonly counters = new Map<string, Counter>()
  private readonly gauges = new Map<string, Gauge>()
  private readonly histograms = new Map<string, Histogram>()
  private readonly collectors: (() => void)[] = []

  constructor(instanceId = 'local') {
    this.registry.setDefaultLabels({ instance: instanceId })
    // The lag histogram samples on a timer of its own: at 20 ms it woke the idle process 50 times a second and
    // cost ~5 ms of CPU a second on its own, more than the rest of an idle server. A stall long enough to
    // matter still delays a 250 ms tick.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 250 })
  }

  increment(name: string, help: string, labels: Labels = {}, by = 1): void {
    let counter = this.counters.get(name)
    if (!counter) {
      counter = new Counter({ name, help, labelNames: Object.keys(labels), registers: [this.registry] })
      this.counters.set(name, counter)
    }
    counter.inc(labels, by)
  }

  set(name: string, help: string, value: number, labels: Labels = {}): void {
    let gauge = this.gauges.get(name)
    if (!gauge) {
      gauge = new Gauge({ name, help, labelNames: Object.keys(labels), registers: [this.registry] })
      this.gauges.set(name, gauge)
    }
    gauge.set(labels, value)
  }

  observe(name: string, help: string, seconds: number, labels: Labels = {}): void {
    let histogram = this.histograms.get(name)
    if (!histogram) {
      histogram = new Histogram({
        name,
        help,
        labelNames: Object.keys(labels),
        buckets: latencyBuckets,
        registers: [this.registry],
      })
      this.histograms.set(name, histogram)
    }
    histogram.observe(labels, seconds)
  }

  /** Registers a callback that refreshes gauges right before each scrape. */
  collect(collector: () => void): void {
    this.collectors.push(collector)
  }

  get contentType(): string {
    return this.registry.contentType
  }

  /** The text exposition; gauges set by collectors start afresh, so an unloaded document's series goes away. */
  async render(): Promise<string> {
    for (const gauge of this.gauges.values()) gauge.reset()
    for (const collector of this.collectors) collector()
    return this.registry.metrics()
  }
}
