import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'

/** An article located in the document: the node, where it starts, and its place in its parent. */
export interface ArticleLocation {
  node: ProseMirrorNode
  /** Position just before the article. */
  pos: number
  /** Depth of the article node in the resolved position it was found from. */
  depth: number
  /** The article's section (or the document, for an article outside any section). */
  parent: ProseMirrorNode
  /** Position just before the parent's content (0 for the document). */
  parentStart: number
  /** Index of the article among its parent's children. */
  index: number
}

/** The article enclosing a position, if any. */
export function findArticle($pos: ResolvedPos): ArticleLocation | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (node.type.name !== 'article') continue
    return {
      node,
      pos: $pos.before(depth),
      depth,
      parent: $pos.node(depth - 1),
      parentStart: $pos.start(depth - 1),
      index: $pos.index(depth - 1),
    }
  }
  return null
}
