import type { ThreadArea, ThreadView } from '../../shared/comments/index.ts'
import type { Delegation } from '../../shared/roles/index.ts'

/** Which threads the comments panel lists. */
export interface ThreadFilters {
  area: ThreadArea | 'all'
  status: 'open' | 'resolved' | 'all'
  delegation: Delegation | 'all'
  orphanedOnly: boolean
}

export const defaultThreadFilters: ThreadFilters = {
  area: 'all',
  status: 'open',
  delegation: 'all',
  orphanedOnly: false,
}

export function matchesThreadFilters(thread: ThreadView, filters: ThreadFilters, orphaned: boolean): boolean {
  if (filters.area !== 'all' && thread.area !== filters.area) return false
  if (filters.status !== 'all' && thread.status !== filters.status) return false
  if (filters.delegation !== 'all' && thread.comments[0]?.delegation !== filters.delegation) return false
  if (filters.orphanedOnly && !orphaned) return false
  return true
}

export function isFiltered(filters: ThreadFilters): boolean {
  return (
    filters.area !== defaultThreadFilters.area ||
    filters.status !== defaultThreadFilters.status ||
    filters.delegation !== defaultThreadFilters.delegation ||
    filters.orphanedOnly
  )
}
