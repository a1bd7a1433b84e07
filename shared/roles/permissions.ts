import type { Role } from './Role.ts'

/** Pure predicates shared by the UI (what to offer) and the server (what to allow; it is the one that enforces). */
export function canEditText(role: Role): boolean {
  return role === 'co-chair' || role === 'drafter'
}

export function canComment(role: Role): boolean {
  return role !== 'observer'
}

export function canManageSnapshots(role: Role): boolean {
  return role === 'co-chair'
}
