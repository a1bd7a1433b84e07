import v8 from 'node:v8'
import vm from 'node:vm'

/**
 * Shared bits of the hardening suites (issue 6). Every suite runs in two sizes:
 *
 * - CI mode (default, part of `npm test`): small enough that the whole `test/hardening` folder stays under
 *   about two minutes on a 2-core machine.
 * - Full mode (`HARDENING_FULL=1 npx vitest run test/hardening`): the sizes issue 6 asks for.
 *
 * Each test prints one `[hardening] …` summary line with its seed and key figures.
 */

/** True when `HARDENING_FULL=1` (or `true`) asks for the full sizes. */
export const fullMode = /^(1|true)$/i.test(process.env.HARDENING_FULL ?? '')

/** Picks the CI or the full value. */
export function size<T>(ci: T, full: T): T {
  return fullMode ? full : ci
}

/** A seed from `variable` (to replay a run) or a fresh one; always printed by the caller. */
export function seedFrom(variable: string): number {
  const raw = process.env[variable]
  if (raw !== undefined && raw !== '') {
    const seed = Number(raw)
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
      throw new Error(`${variable} must be an integer between 0 and 4294967295, got "${raw}"`)
    }
    return seed
  }
  return (Date.now() ^ (process.pid << 16)) >>> 0
}

/** A small seeded PRNG (mulberry32): same seed, same sequence. */
export class Random {
  private state: number

  constructor(readonly seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  bytes(length: number): Uint8Array {
    const result = new Uint8Array(length)
    for (let index = 0; index < length; index++) result[index] = Math.floor(this.next() * 256)
    return result
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The `fraction` percentile (0..1) of `values`, nearest-rank; NaN if empty. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank]!
}

/**
 * A full garbage collection: `global.gc` when node runs with `--expose-gc`, else the same function obtained
 * by setting the V8 flag at run time (vitest's workers do not expose it). Null if neither works.
 */
function garbageCollector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (typeof exposed === 'function') return exposed
  try {
    v8.setFlagsFromString('--expose-gc')
    const collect: unknown = vm.runInNewContext('gc')
    return typeof collect === 'function' ? (collect as () => void) : null
  } catch {
    return null
  }
}

/**
 * heapUsed in MiB after full garbage collections (see `garbageCollector`); without one, after a few idle
 * turns only, which is why the memory bounds in these suites are generous.
 */
export async function settledHeapMb(): Promise<number> {
  const collect = garbageCollector()
  for (let round = 0; round < 3; round++) {
    collect?.()
    await sleep(50)
  }
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** Whether `settledHeapMb` could force a full collection (printed next to the figures). */
export const canForceGc = garbageCollector() !== null

/** One greppable line per test, so the closing note of issue 6 can quote the figures. */
export function summary(test: string, figures: Record<string, string | number | boolean>): void {
  const parts = Object.entries(figures).map(([key, value]) => `${key}=${value}`)
  console.log(`[hardening] ${test} mode=${fullMode ? 'full' : 'ci'} ${parts.join(' ')}`)
}

/** Rounds to `digits` decimals for printing. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** Every occurrence of `<…>` tokens in `text`, counted. */
export function countTokens(text: string, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>()
  for (const match of text.matchAll(pattern)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1)
  return counts
}
