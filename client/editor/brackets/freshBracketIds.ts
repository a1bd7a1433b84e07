import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model'
import type { Proposer } from '../../../shared/schema/index.ts'
import { isAlternativeNode } from './isAlternativeNode.ts'

const bracketTypes = new Set(['bracket', 'alternatives', 'bracketAlternative', 'option'])

function refresh(node: ProseMirrorNode, proposer: Proposer): ProseMirrorNode {
  if (node.isText) return node
  const content = refreshFragment(node.content, proposer)
  if (!bracketTypes.has(node.type.name)) return node.copy(content)
  const attrs: Record<string, unknown> = { ...node.attrs, id: crypto.randomUUID() }
  if (isAlternativeNode(node)) attrs.proposedBy = proposer
  return node.type.create(attrs, content, node.marks)
}

function refreshFragment(fragment: Fragment, proposer: Proposer): Fragment {
  const children: ProseMirrorNode[] = []
  fragment.forEach((child) => {
    children.push(refresh(child, proposer))
  })
  return Fragment.from(children)
}

/**
 * Pasted brackets are new brackets: fresh ids (a copy must never share the original's register entry) and the
 * paster as proposer of every alternative in them (pasting text is tabling it; the server accepts nothing else).
 */
export function freshBracketIds(slice: Slice, proposer: Proposer): Slice {
  return new Slice(refreshFragment(slice.content, proposer), slice.openStart, slice.openEnd)
}
