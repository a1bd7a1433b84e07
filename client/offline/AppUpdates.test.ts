import { afterEach, beforeEach, describe, expect, it, type Mock, type MockInstance, vi } from 'vitest'
import { Workbox, WorkboxEvent } from 'workbox-window'
import { AppUpdates } from './AppUpdates.ts'

/**
 * The update offer driven by workbox-window's own `Workbox` and the events it dispatches, with the browser's
 * service worker container stubbed: what the page does when a new version waits or takes control.
 */
describe('the offer of a new version of the app', () => {
  let workbox: Workbox
  let reload: Mock<() => void>
  let skipWaiting: MockInstance<() => void>

  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('navigator', { serviceWorker: { addEventListener: () => {}, controller: null } })
    workbox = new Workbox('/sw.js')
    skipWaiting = vi.spyOn(workbox, 'messageSkipWaiting').mockImplementation(() => {})
    reload = vi.fn<() => void>()
  })

  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  function waiting(props: { wasWaitingBeforeRegister?: boolean; isExternal?: boolean } = {}): void {
    workbox.dispatchEvent(new WorkboxEvent('waiting', { isUpdate: true, ...props }))
  }

  function controlling(isUpdate: boolean): void {
    workbox.dispatchEvent(new WorkboxEvent('controlling', { isUpdate, isExternal: false }))
  }

  it('offers a waiting version and never reloads on its own, however long the page stays open', () => {
    const updates = new AppUpdates(workbox, reload)
    const seen: string[] = []
    updates.subscribe(() => seen.push(updates.state))
    expect(updates.state).toBe('current')
    waiting()
    expect(updates.state).toBe('offered')
    vi.advanceTimersByTime(24 * 3600_000)
    expect(reload).not.toHaveBeenCalled()
    expect(skipWaiting).not.toHaveBeenCalled()
    expect(seen).toEqual(['offered'])
  })

  it('offers a version that was already waiting when the page opened, or that another tab found', () => {
    const updates = new AppUpdates(workbox, reload)
    waiting({ wasWaitingBeforeRegister: true })
    expect(updates.state).toBe('offered')
    const otherWorkbox = new Workbox('/sw.js')
    const other = new AppUpdates(otherWorkbox, reload)
    otherWorkbox.dispatchEvent(new WorkboxEvent('waiting', { isExternal: true }))
    expect(other.state).toBe('offered')
  })

  it('activates the waiting version on Reload and reloads once it controls the page', () => {
    const updates = new AppUpdates(workbox, reload)
    waiting()
    updates.accept()
    expect(updates.state).toBe('reloading')
    expect(skipWaiting).toHaveBeenCalledTimes(1)
    expect(reload).not.toHaveBeenCalled()
    controlling(true)
    expect(reload).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('reloads anyway if the new version does not take over within five seconds of Reload', () => {
    const updates = new AppUpdates(workbox, reload)
    waiting()
    updates.accept()
    vi.advanceTimersByTime(4_900)
    expect(reload).not.toHaveBeenCalled()
    vi.advanceTimersByTime(200)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('keeps quiet after Later, also when another tab switches, until another version waits', () => {
    const updates = new AppUpdates(workbox, reload)
    waiting()
    updates.dismiss()
    expect(updates.state).toBe('dismissed')
    controlling(true)
    expect(updates.state).toBe('dismissed')
    expect(reload).not.toHaveBeenCalled()
    waiting()
    expect(updates.state).toBe('offered')
  })

  it('offers a reload, without forcing it, when another tab switched to the new version', () => {
    const updates = new AppUpdates(workbox, reload)
    controlling(true)
    expect(updates.state).toBe('offered')
    expect(reload).not.toHaveBeenCalled()
    updates.accept()
    expect(skipWaiting).not.toHaveBeenCalled()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('says nothing when the first version takes control of a page that had none', () => {
    const updates = new AppUpdates(workbox, reload)
    controlling(false)
    expect(updates.state).toBe('current')
    updates.accept()
    expect(reload).not.toHaveBeenCalled()
  })
})
