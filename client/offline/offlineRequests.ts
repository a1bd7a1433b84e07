/**
 * What the service worker (`client/serviceWorker/sw.ts`) keeps for a start without network, shared with the page
 * that asks it to keep what was loaded before it took control. Pure: runs in the window and in the worker.
 */

/** The Cache Storage cache of API answers; it belongs to the account named by its `/api/session` entry. */
export const apiCacheName = 'charter-desk-api'

/** Fonts and other hashed files that are not precached, kept once the page has used them. */
export const assetCacheName = 'charter-desk-assets'

export const sessionPath = '/api/session'

/** Page → worker: fetch and keep these same-origin URLs if a route keeps them; answered on the message port. */
export const keepForOfflineMessage = 'charter-desk:keep-for-offline'

/** Page → waiting worker, as workbox-window's `messageSkipWaiting()` sends it. */
export const skipWaitingMessage = 'SKIP_WAITING'

const documentPath = '[a-z0-9][a-z0-9-]*'

/**
 * The GETs the editor makes before it can show a document: who is signed in, the document list, the document's
 * metadata (with the account's role) and its clause statuses. Everything else (history, dashboard, admin) needs
 * the server anyway.
 */
const offlineApiPaths = [
  new RegExp(`^${sessionPath}$`),
  /^\/api\/documents$/,
  new RegExp(`^/api/documents/${documentPath}$`),
  new RegExp(`^/api/documents/${documentPath}/clauses$`),
]

export function isOfflineApiPath(pathname: string): boolean {
  return offlineApiPaths.some((pattern) => pattern.test(pathname))
}

/**
 * Requests after which `/api/session` says something else: sign-in (password, link, setup, invitation), sign-out,
 * and the language choice, which the session carries.
 */
export function changesSession(method: string, pathname: string): boolean {
  if (method === 'POST') {
    return (
      pathname === '/api/auth/sign-in' ||
      pathname === '/api/auth/link' ||
      pathname === '/api/auth/sign-out' ||
      pathname === '/api/setup' ||
      /^\/api\/invitations\/[^/]+\/accept$/.test(pathname)
    )
  }
  return method === 'PUT' && pathname === '/api/account/language'
}

/** Hashed build output not in the precache (fonts): never changes under its name, so the cache may answer first. */
export function isHashedAsset(pathname: string): boolean {
  return /^\/assets\/[^/]+\.(?:woff2?|png|svg)$/.test(pathname)
}
