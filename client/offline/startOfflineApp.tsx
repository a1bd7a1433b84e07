import { createRoot } from 'react-dom/client'
import { Workbox } from 'workbox-window'
import type { Translator } from '../i18n/Translator.ts'
import { TranslatorContext } from '../i18n/TranslatorContext.ts'
import { AppUpdates } from './AppUpdates.ts'
import { isHashedAsset, isOfflineApiPath, keepForOfflineMessage } from './offlineRequests.ts'
import { UpdatePrompt } from './UpdatePrompt.tsx'

/** A tab left open for days still hears of new versions: the browser itself checks only on navigation. */
const updateCheckIntervalMs = 30 * 60_000

/**
 * The installable offline app, started after the first paint (`main.tsx` imports this lazily, outside the
 * editor's initial script): registers the service worker (`client/serviceWorker/sw.ts`), shows the update offer
 * in its own React root, and on the first visit asks the worker to keep what the page loaded before it took
 * control, so the next start works without network.
 */
export function startOfflineApp(translator: Translator): void {
  const workbox = new Workbox('/sw.js', { scope: '/' })
  const updates = new AppUpdates(workbox, () => window.location.reload())
  const container = document.createElement('div')
  document.body.append(container)
  createRoot(container).render(
    <TranslatorContext value={translator}>
      <UpdatePrompt updates={updates} />
    </TranslatorContext>,
  )

  if (!navigator.serviceWorker.controller) {
    workbox.controlling
      .then(() => workbox.messageSW({ type: keepForOfflineMessage, urls: loadedUrls() }))
      .catch((error: unknown) =>
        console.warn('Charter Desk: could not keep this page for offline use', error),
      )
  }
  workbox
    .register({ immediate: true })
    .then(() => {
      const check = () => {
        if (navigator.onLine && document.visibilityState === 'visible') void workbox.update().catch(() => {})
      }
      setInterval(check, updateCheckIntervalMs)
      window.addEventListener('online', check)
    })
    // Without a worker the app still works online, as before; only the offline start is missing.
    .catch((error: unknown) => console.warn('Charter Desk: the offline app is not available', error))
}

/** Same-origin API answers and hashed files this page has loaded so far that the worker keeps for offline use. */
function loadedUrls(): string[] {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter(
      (url) =>
        url.origin === window.location.origin &&
        (isOfflineApiPath(url.pathname) || isHashedAsset(url.pathname)),
    )
    .map((url) => url.pathname + url.search)
  return [...new Set(urls)]
}
