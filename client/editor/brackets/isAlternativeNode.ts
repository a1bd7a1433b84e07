import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/** Node types that hold one side's proposal and carry `proposedBy`: inline alternatives and block options. */
export function isAlternativeNode(node: ProseMirrorNode): boolean {
  return node.type.name === 'bracketAlternative' || node.type.name === 'option'
}
