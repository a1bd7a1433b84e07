import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'

/**
 * Whether a node matching `matches` overlaps what `transaction` changed, in the document after it (the nodes
 * around a change count too, as `nodesBetween` visits them). Plugins whose decorations only depend on such nodes
 * map their set through an edit that holds none, instead of rebuilding it: a rebuilt set costs a walk of the
 * whole charter and makes the view compare every article's decorations again, on every keystroke.
 */
export function changedRangesHold(
  transaction: Transaction,
  matches: (node: ProseMirrorNode) => boolean,
): boolean {
  const { doc, mapping } = transaction
  let found = false
  mapping.maps.forEach((stepMap, index) => {
    if (found) return
    const after = mapping.slice(index + 1)
    stepMap.forEach((_oldStart, _oldEnd, start, end) => {
      if (found) return
      const from = Math.max(0, after.map(start, -1))
      const to = Math.min(doc.content.size, after.map(end, 1))
      doc.nodesBetween(from, to, (node) => {
        if (found) return false
        if (matches(node)) found = true
        return !found
      })
    })
  })
  return found
}
