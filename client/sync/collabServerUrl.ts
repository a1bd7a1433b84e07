import { collabPathPrefix } from '../../shared/protocol/index.ts'

/** The WebSocket base URL of this page's server; a provider appends the document name. */
export function collabServerUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}${collabPathPrefix.replace(/\/$/, '')}`
}
