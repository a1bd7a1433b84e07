import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface ProcessStats {
  /** user + system CPU time of all threads since the process started. */
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

/** Reads /proc (Linux only); throws if the process is gone. */
export function processStats(pid: number): ProcessStats {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may contain spaces and parentheses, so count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of the whole line, i.e. 11 and 12 after the command name.
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return {
    cpuSeconds: ticks / ticksPerSecond(),
    rssBytes: statusKilobytes(status, 'VmRSS') * 1024,
    peakRssBytes: statusKilobytes(status, 'VmHWM') * 1024,
  }
}
