import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface ProcessStats {
  /** user + system CPU time of all threads (worker threads included) and live child processes. */
  cpuSeconds: number
  rssBytes: number
  /** VmHWM: the kernel's own peak-RSS counter, so no sampling interval can miss a spike. */
  peakRssBytes: number
}

let clockTicksPerSecond: number | undefined

function ticksPerSecond(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clockTicksPerSecond = 100
    }
  }
  return clockTicksPerSecond
}

function statusKilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  return match?.[1] === undefined ? 0 : Number(match[1])
}

/** Fields after the command name of /proc/<pid>/stat (the name may contain spaces and parentheses). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/**
 * CPU ticks of a process and of all its live descendants. /proc/<pid>/stat already sums every thread of the
 * process (worker threads included, also those that have exited); cutime/cstime would only add children it
 * has waited for, so live child processes (none today, but a server may fork helpers) are read one by one.
 */
function treeTicks(pid: number): number {
  const fields = statFields(pid)
  // utime and stime are fields 14 and 15 of the whole line, i.e. 11 and 12 after the command name.
  let ticks = Number(fields[11]) + Number(fields[12])
  let children: string[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean)
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: the process itself only.
  }
  for (const child of children) {
    try {
      ticks += treeTicks(Number(child))
    } catch {
      // It exited meanwhile.
    }
  }
  return ticks
}

/** user + system CPU time of a process and its live descendants; throws if the process is gone. */
export function cpuSecondsOf(pid: number): number {
  return treeTicks(pid) / ticksPerSecond()
}

/**
 * Reads /proc (Linux only); throws if a process is gone. For a server of several processes (instances) the
 * figures are sums: CPU time and RSS add up exactly, while the sum of the peaks is an upper bound of the peak
 * of the sum (the instances need not peak at the same moment).
 */
export function processStats(pids: readonly number[]): ProcessStats {
  const total: ProcessStats = { cpuSeconds: 0, rssBytes: 0, peakRssBytes: 0 }
  for (const pid of pids) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    total.cpuSeconds += cpuSecondsOf(pid)
    total.rssBytes += statusKilobytes(status, 'VmRSS') * 1024
    total.peakRssBytes += statusKilobytes(status, 'VmHWM') * 1024
  }
  return total
}
