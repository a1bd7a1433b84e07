import type { ThreadArea } from '../../shared/comments/index.ts'
import { findPriorityArea, isAreaId, priorityAreas } from '../../shared/schema/index.ts'

/** Every area a thread can be about, in document order, then the draft in general. */
export const threadAreaOptions: readonly { id: ThreadArea; label: string }[] = [
  ...priorityAreas.map((area) => ({ id: area.id, label: areaLabel(area.id) })),
  { id: 'general', label: 'General' },
]

export function areaLabel(area: ThreadArea): string {
  if (!isAreaId(area)) return 'General'
  const { number, title } = findPriorityArea(area)
  return number ? `${number}. ${title}` : title
}

export function shortAreaLabel(area: ThreadArea): string {
  if (!isAreaId(area)) return 'General'
  const { number, title } = findPriorityArea(area)
  return number ? `Area ${number}` : title
}

/** "just now", "5 min ago", "3 h ago", "yesterday", then a date. */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return ''
  const seconds = Math.max(0, Math.round((now - then) / 1000))
  if (seconds < 45) return 'just now'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.round(hours / 24)
  if (days === 1) return 'yesterday'
  if (days < 7) return `${days} days ago`
  return new Date(then).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

export function absoluteTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString()
}
