import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

export interface ClientLoad {
  cpuSeconds: number
  /** CPU seconds per wall second; 1.0 means the client process had a whole core to itself and used it. */
  cpuShare: number
  /** A high event-loop delay means latencies include time spent queued in the clients, not the server. */
  loopDelayP99Ms: number
}

/** CPU and event-loop delay of this (client) process between start and the returned stop(). */
export function startClientLoadMeter(): () => ClientLoad {
  const cpuStart = process.cpuUsage()
  const wallStart = performance.now()
  const resolutionMs = 10
  const loopDelay = monitorEventLoopDelay({ resolution: resolutionMs })
  loopDelay.enable()
  return () => {
    loopDelay.disable()
    const cpu = process.cpuUsage(cpuStart)
    const cpuSeconds = (cpu.user + cpu.system) / 1e6
    const wallSeconds = (performance.now() - wallStart) / 1000
    return {
      cpuSeconds,
      cpuShare: wallSeconds > 0 ? cpuSeconds / wallSeconds : 0,
      // The histogram records whole timer intervals, so an idle loop reads as the resolution itself.
      loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - resolutionMs),
    }
  }
}
