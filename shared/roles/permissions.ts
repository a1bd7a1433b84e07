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

/** Only the author edits or deletes a comment. */
export function canEditComment(accountId: number, comment: { authorId: number }): boolean {
  return comment.authorId === accountId
}

/** The thread's author or a co-chair resolves and reopens a thread. */
export function canResolveThread(role: Role, accountId: number, thread: { createdBy: number }): boolean {
  return role === 'co-chair' || thread.createdBy === accountId
}

/** Co-chairs open new documents for the working group (or for their own delegation). */
export function canCreateDocuments(role: Role): boolean {
  return role === 'co-chair'
}

/** Co-chairs record the working group's meetings, to which snapshots are linked. */
export function canRecordMeetings(role: Role): boolean {
  return role === 'co-chair'
}
