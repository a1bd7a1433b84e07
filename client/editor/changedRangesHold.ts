import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { changedRanges } from './changedRanges.ts'

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
  let found = false
  for (const [from, to] of changedRanges(transaction)) {
    transaction.doc.nodesBetween(from, to, (node) => {
      if (found) return false
      if (matches(node)) found = true
      return !found
    })
    if (found) return true
  }
  return false
}
