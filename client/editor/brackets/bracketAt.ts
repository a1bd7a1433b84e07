import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'

/** A bracket (inline) or an alternatives block (paragraph-level choice) and, when inside one, the alternative. */
export interface BracketPlace {
  /** 'inline' for `bracket`, 'block' for `alternatives`. */
  kind: 'inline' | 'block'
  node: ProseMirrorNode
  /** Position before the bracket node. */
  pos: number
  /** The alternative (or option) holding the position, if any, and the position before it. */
  alternative: { node: ProseMirrorNode; pos: number; index: number } | null
}

/**
 * The innermost bracket holding a resolved position, or the inline bracket right beside it (a caret just before
 * or after `[…]` counts as "at" that bracket, so "Add alternative" works from either edge).
 */
export function bracketAt($pos: ResolvedPos, includeNeighbours = true): BracketPlace | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (node.type.name !== 'bracket' && node.type.name !== 'alternatives') continue
    const inner = depth < $pos.depth ? $pos.node(depth + 1) : null
    return {
      kind: node.type.name === 'bracket' ? 'inline' : 'block',
      node,
      pos: $pos.before(depth),
      alternative: inner ? { node: inner, pos: $pos.before(depth + 1), index: $pos.index(depth) } : null,
    }
  }
  if (!includeNeighbours) return null
  const after = $pos.nodeAfter
  if (after?.type.name === 'bracket') return { kind: 'inline', node: after, pos: $pos.pos, alternative: null }
  const before = $pos.nodeBefore
  if (before?.type.name === 'bracket') {
    return { kind: 'inline', node: before, pos: $pos.pos - before.nodeSize, alternative: null }
  }
  return null
}
