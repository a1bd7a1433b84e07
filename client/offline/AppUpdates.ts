import type { Workbox } from 'workbox-window'

/**
 * - `current`: nothing to offer.
 * - `offered`: a new version is installed and waiting, or another tab switched to it: the prompt shows.
 * - `dismissed`: the person chose "Later"; asked again when another version waits, or on the next visit.
 * - `reloading`: the person chose "Reload"; the page reloads once the new version controls it.
 */
export type AppUpdateState = 'current' | 'offered' | 'dismissed' | 'reloading'

/** The part of workbox-window's `Workbox` that updates need. */
export type UpdateSource = Pick<Workbox, 'addEventListener' | 'messageSkipWaiting'>

/** If the new version does not take over within this time, reload anyway: the person asked for it. */
const takeOverTimeoutMs = 5000

/**
 * Offers a new version of the app, never forces it: a reload happens only when the person chooses it, so nobody
 * loses a word mid-sentence. Edits are safe across the reload (IndexedDB), but the moment is theirs.
 */
export class AppUpdates {
  private current: AppUpdateState = 'current'
  private waiting = false
  private takeOverTimer: ReturnType<typeof setTimeout> | null = null
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly source: UpdateSource,
    private readonly reload: () => void,
  ) {
    source.addEventListener('waiting', () => {
      this.waiting = true
      if (this.current !== 'reloading') this.set('offered')
    })
    source.addEventListener('controlling', (event) => {
      this.waiting = false
      if (this.current === 'reloading') this.reloadNow()
      // Another tab chose to reload: this page now runs the old code under the new worker; offer the same.
      else if (event.isUpdate && this.current !== 'dismissed') this.set('offered')
    })
  }

  get state(): AppUpdateState {
    return this.current
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** "Reload": activate the waiting version, then reload when it controls the page. */
  accept(): void {
    if (this.current !== 'offered') return
    this.set('reloading')
    if (!this.waiting) {
      this.reloadNow()
      return
    }
    this.source.messageSkipWaiting()
    this.takeOverTimer = setTimeout(() => this.reloadNow(), takeOverTimeoutMs)
  }

  /** "Later". */
  dismiss(): void {
    if (this.current === 'offered') this.set('dismissed')
  }

  private reloadNow(): void {
    if (this.takeOverTimer) clearTimeout(this.takeOverTimer)
    this.takeOverTimer = null
    this.reload()
  }

  private set(state: AppUpdateState): void {
    this.current = state
    for (const listener of this.listeners) listener()
  }
}
