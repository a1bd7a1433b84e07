import type { ChildProcess } from 'node:child_process'

const live = new Set<ChildProcess>()
let handlersInstalled = false

function killAllNow(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  live.clear()
}

function installHandlers(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  // 'exit' handlers must be synchronous, so children get SIGKILL rather than a graceful stop: a server left
  // behind would keep its port and skew the next run's CPU numbers.
  process.on('exit', killAllNow)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAllNow()
      process.exit(signal === 'SIGINT' ? 130 : 143)
    })
  }
  process.on('uncaughtException', (error) => {
    console.error(error)
    killAllNow()
    process.exit(1)
  })
  process.on('unhandledRejection', (reason) => {
    console.error(reason)
    killAllNow()
    process.exit(1)
  })
}

/** Every process the bench spawns, so that none outlives the runner whatever way it ends. */
export const childProcesses = {
  track(child: ChildProcess): void {
    installHandlers()
    live.add(child)
    child.once('exit', () => live.delete(child))
  },

  /**
   * SIGTERM, then SIGKILL after `graceMs` if the child is still there. BENCH_STOP_GRACE_MS lengthens it for
   * profiling: a server writes its --cpu-prof file only when it exits by itself.
   */
  async stop(child: ChildProcess, graceMs = Number(process.env.BENCH_STOP_GRACE_MS) || 3000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(child)
      return
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
    live.delete(child)
  },

  killAll: killAllNow,
}
