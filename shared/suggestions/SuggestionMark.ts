import { type Delegation, isDelegation } from '../roles/index.ts'

/** The two kinds of tracked change; each is a mark of the same name in the shared schema. */
export type SuggestionKind = 'insertion' | 'deletion'

export const suggestionKinds: readonly SuggestionKind[] = ['insertion', 'deletion']

/** A suggestion mark's attributes, once checked (see readSuggestionMark). */
export interface SuggestionMark {
  id: string
  /** The author's account id (as a string, like a principal's user id). */
  by: string
  name: string
  delegation: Delegation
  at: string
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

export function isSuggestionId(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value)
}

/** The attributes of a suggestion mark if they are well formed (UUID id, author, delegation, time), else null. */
export function readSuggestionMark(value: unknown): SuggestionMark | null {
  if (value === null || typeof value !== 'object') return null
  const { id, by, name, delegation, at } = value as Record<string, unknown>
  if (!isSuggestionId(id) || typeof by !== 'string' || by.length === 0 || by.length > 40) return null
  if (typeof name !== 'string' || name.length > 200 || !isDelegation(delegation)) return null
  if (typeof at !== 'string' || !isoTime.test(at)) return null
  return { id, by, name, delegation, at }
}

/** A whole paragraph's suggestion (its `suggestion` attribute): the mark's fields and what it proposes. */
export interface BlockSuggestion extends SuggestionMark {
  kind: SuggestionKind
}

export function readBlockSuggestion(value: unknown): BlockSuggestion | null {
  const mark = readSuggestionMark(value)
  const kind = (value as { kind?: unknown } | null)?.kind
  if (!mark || (kind !== 'insertion' && kind !== 'deletion')) return null
  return { ...mark, kind }
}
