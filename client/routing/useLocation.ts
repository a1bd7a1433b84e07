import { useSyncExternalStore } from 'react'

const navigationEvent = 'charter-desk:navigate'

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(navigationEvent, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(navigationEvent, listener)
  }
}

/** Client-side navigation without a reload. */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(navigationEvent))
}

/** The current pathname, re-rendering on navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}

/** A value from the URL fragment (`#token=…`): fragments never reach server logs or Referer headers. */
export function fragmentParam(name: string): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get(name)
}
