import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { clientsClaim, type RouteHandlerCallbackOptions, type WorkboxPlugin } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst } from 'workbox-strategies'
import {
  apiCacheName,
  assetCacheName,
  changesSession,
  isHashedAsset,
  isOfflineApiPath,
  keepForOfflineMessage,
  sessionPath,
  skipWaitingMessage,
} from '../offline/offlineRequests.ts'

/**
 * The service worker of the installable app (issue 16). It keeps the app shell and every hashed script and style
 * of the build (the precache, written into `__WB_MANIFEST` at build time), answers navigations with the shell, and
 * keeps the API answers the editor needs to open a document, so that a reload without network opens the last
 * documents from IndexedDB, editable. It never touches the WebSocket. A new version waits until the person
 * chooses to reload (`client/offline/AppUpdates.ts`).
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] }

/** On a bad link the cached answer is better than waiting: the socket reconciles the document anyway. */
const apiNetworkTimeoutSeconds = 4

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
// The first version takes over the page that installed it, so that page's later requests are kept too.
clientsClaim()

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // Downloads (exports) and anything else the server answers itself.
    denylist: [/^\/api\//, /^\/collab\//],
  }),
)

async function accountIdOf(response: Response): Promise<number | null | undefined> {
  try {
    const session = (await response.json()) as { account?: { id?: unknown } | null }
    if (session.account === null) return null
    return typeof session.account?.id === 'number' ? session.account.id : undefined
  } catch {
    return undefined
  }
}

async function forgetApiAnswers(): Promise<void> {
  const cache = await caches.open(apiCacheName)
  await Promise.all((await cache.keys()).map((request) => cache.delete(request)))
}

/**
 * The API cache belongs to the account its `/api/session` entry names: a fresh session answer naming another
 * account (or none, or an unreadable one) empties it before anything of the new account is stored, so one
 * person's documents are never served to the next person who signs in on the same browser.
 */
const keepToOneAccount: WorkboxPlugin = {
  async fetchDidSucceed({ request, response }) {
    if (new URL(request.url).pathname !== sessionPath || response.status !== 200) return response
    const cached = await (await caches.open(apiCacheName)).match(sessionPath)
    const previous = cached ? await accountIdOf(cached) : undefined
    const current = await accountIdOf(response.clone())
    if (previous === undefined || current === undefined || previous !== current) await forgetApiAnswers()
    return response
  },
}

/** An answer the server now refuses (signed out, access withdrawn, document gone) is not served offline either. */
const forgetRefused: WorkboxPlugin = {
  async fetchDidSucceed({ request, response }) {
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      await (await caches.open(apiCacheName)).delete(request)
    }
    return response
  },
}

const apiStrategy = new NetworkFirst({
  cacheName: apiCacheName,
  networkTimeoutSeconds: apiNetworkTimeoutSeconds,
  plugins: [new CacheableResponsePlugin({ statuses: [200] }), keepToOneAccount, forgetRefused],
})

const assetStrategy = new CacheFirst({
  cacheName: assetCacheName,
  plugins: [
    new CacheableResponsePlugin({ statuses: [200] }),
    new ExpirationPlugin({ maxEntries: 80, purgeOnQuotaError: true }),
  ],
})

/** The session read in flight: other API answers wait for it, so none is stored into a cache about to be emptied. */
let sessionRead: Promise<unknown> = Promise.resolve()

function readSession(options: RouteHandlerCallbackOptions): Promise<Response> {
  const read = apiStrategy.handle(options)
  sessionRead = read.catch(() => undefined)
  return read
}

async function handleApi(options: RouteHandlerCallbackOptions): Promise<Response> {
  if (options.url.pathname === sessionPath) return readSession(options)
  await sessionRead
  return apiStrategy.handle(options)
}

interface KeptRoute {
  matches(url: URL): boolean
  handle(options: RouteHandlerCallbackOptions): Promise<Response>
}

/** What is kept at run time, also for the URLs a page asks to keep (`keepForOfflineMessage`). */
const keptRoutes: KeptRoute[] = [
  { matches: (url) => isOfflineApiPath(url.pathname), handle: handleApi },
  { matches: (url) => isHashedAsset(url.pathname), handle: (options) => assetStrategy.handle(options) },
]

for (const route of keptRoutes) {
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && route.matches(url),
    (options) => route.handle(options),
    'GET',
  )
}

/**
 * Sign-in, sign-out and the language choice change what `/api/session` says: it is read again before the page
 * gets the answer, so the cache names the right account before the page asks for that account's documents.
 */
async function handleSessionChange({ request, url, event }: RouteHandlerCallbackOptions): Promise<Response> {
  const response = await fetch(request)
  if (!response.ok) return response
  if (url.pathname === '/api/auth/sign-out') await forgetApiAnswers()
  const sessionUrl = new URL(sessionPath, self.location.href)
  await readSession({ request: new Request(sessionUrl), url: sessionUrl, event }).catch(() => undefined)
  return response
}

for (const method of ['POST', 'PUT'] as const) {
  registerRoute(
    ({ url, sameOrigin, request }) => sameOrigin && changesSession(request.method, url.pathname),
    handleSessionChange,
    method,
  )
}

/**
 * Fetches and keeps what a page loaded before this worker controlled it (its first visit): the session first, so
 * the cache is the right account's before the rest is stored. URLs no route keeps are ignored.
 */
async function keepForOffline(urls: readonly string[], event: ExtendableEvent): Promise<void> {
  const requested = urls
    .map((url) => new URL(url, self.location.href))
    .filter((url) => url.origin === self.location.origin)
    .sort((a, b) => Number(b.pathname === sessionPath) - Number(a.pathname === sessionPath))
  const kept: Promise<unknown>[] = []
  for (const url of requested) {
    const route = keptRoutes.find((candidate) => candidate.matches(url))
    if (!route) continue
    kept.push(route.handle({ request: new Request(url), url, event }))
  }
  await Promise.allSettled(kept)
}

function isMessage(data: unknown, type: string): data is { type: string; urls?: unknown } {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type
}

self.addEventListener('message', (event) => {
  const data: unknown = event.data
  if (isMessage(data, skipWaitingMessage)) {
    void self.skipWaiting()
  } else if (isMessage(data, keepForOfflineMessage)) {
    const urls = Array.isArray(data.urls)
      ? data.urls.filter((url: unknown): url is string => typeof url === 'string')
      : []
    event.waitUntil(keepForOffline(urls, event).then(() => event.ports[0]?.postMessage(true)))
  }
})
