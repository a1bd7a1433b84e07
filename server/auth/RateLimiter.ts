/**
 * Fixed-window counter per key (a login or an address). In-process: enough for one instance; a scale-out
 * deployment would keep the counters in Redis.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 if it is under the limit. */
  retryAfter(key: string): number {
    const window = this.windows.get(key)
    if (!window || window.resetAt <= this.now()) return 0
    return window.count >= this.limit ? Math.ceil((window.resetAt - this.now()) / 1000) : 0
  }

  hit(key: string): void {
    const now = this.now()
    const window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs })
      if (this.windows.size > 100_000) this.prune(now)
      return
    }
    window.count++
  }

  reset(key: string): void {
    this.windows.delete(key)
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
  }
}
