import type { JSONContent } from '@tiptap/core'
import { isAreaId } from '../../../shared/schema/index.ts'

/**
 * Every bracket of a version (inline brackets and paragraph-level choices share one id space) mapped to the
 * area of the section it stands in. Walked with an explicit stack, so a hostile depth cannot overflow.
 * A bracket without an id (only in a corrupt document) cannot be followed between versions and is skipped.
 */
export function bracketAreas(doc: JSONContent): Map<string, string> {
  const areas = new Map<string, string>()
  const stack: { node: JSONContent; area: string }[] = [{ node: doc, area: 'other' }]
  while (stack.length > 0) {
    const { node, area: outer } = stack.pop()!
    const area =
      node.type === 'charterSection' ? (isAreaId(node.attrs?.area) ? node.attrs.area : 'other') : outer
    const id = node.attrs?.id
    if ((node.type === 'bracket' || node.type === 'alternatives') && typeof id === 'string' && !areas.has(id))
      areas.set(id, area)
    const children = Array.isArray(node.content) ? node.content : []
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (typeof child === 'object' && child !== null) stack.push({ node: child, area })
    }
  }
  return areas
}
