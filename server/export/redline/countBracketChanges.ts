import type { JSONContent } from '@tiptap/core'
import { bracketAreas } from './bracketAreas.ts'

/** Brackets opened (new ids) and cleaned (ids gone) between two versions, for a redline's summary. */
export function countBracketChanges(
  baseDoc: JSONContent,
  doc: JSONContent,
): { opened: number; cleaned: number } {
  const before = bracketAreas(baseDoc)
  const after = bracketAreas(doc)
  let opened = 0
  let cleaned = 0
  for (const id of after.keys()) if (!before.has(id)) opened++
  for (const id of before.keys()) if (!after.has(id)) cleaned++
  return { opened, cleaned }
}
