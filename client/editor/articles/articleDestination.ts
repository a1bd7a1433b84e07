import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { AreaId } from '../../../shared/schema/index.ts'

/** Where a moved article should go: one step up or down in numbering order, or into a priority area. */
export type ArticleMove = { direction: 'up' | 'down' } | { area: AreaId }

interface Section {
  node: ProseMirrorNode
  /** Position just before the section. */
  pos: number
}

/** Sections that hold articles: every section but the preamble (preambular paragraphs are never numbered). */
function articleSections(doc: ProseMirrorNode): Section[] {
  const sections: Section[] = []
  doc.forEach((node, offset) => {
    if (node.type.name === 'charterSection' && node.attrs.area !== 'preamble')
      sections.push({ node, pos: offset })
  })
  return sections
}

/**
 * Where an article enters a section it was not in. From below (moving up) it becomes the section's last
 * article, from above (moving down) its first; a section without articles takes it before its signature
 * blocks, or at its end.
 */
function entryPosition(section: Section, from: 'above' | 'below'): number {
  const children: { node: ProseMirrorNode; pos: number }[] = []
  section.node.forEach((node, offset) => {
    children.push({ node, pos: section.pos + 1 + offset })
  })
  const articles = children.filter((child) => child.node.type.name === 'article')
  const first = articles[0]
  const last = articles.at(-1)
  if (from === 'below' && last) return last.pos + last.node.nodeSize
  if (from === 'above' && first) return first.pos
  const signature = children.find((child) => child.node.type.name === 'signatureBlock')
  return signature ? signature.pos : section.pos + section.node.nodeSize - 1
}

/**
 * The position (in the current document) where the article at `articlePos` should be re-inserted, or null if
 * it cannot move that way. Within a section an article swaps with its neighbouring article; at a section's
 * edge it crosses into the neighbouring section, so Alt+Shift+↑/↓ walks an article through the whole charter.
 */
export function articleDestination(
  doc: ProseMirrorNode,
  articlePos: number,
  move: ArticleMove,
): number | null {
  const $pos = doc.resolve(articlePos)
  const parent = $pos.parent
  const index = $pos.index()
  const article = parent.child(index)
  if (article.type.name !== 'article') return null
  const sections = articleSections(doc)
  const sectionPos = $pos.depth > 0 ? $pos.before($pos.depth) : -1
  const current = sections.findIndex((section) => section.pos === sectionPos)
  if ('area' in move) {
    const target = sections.find((section) => section.node.attrs.area === move.area)
    if (!target || target.pos === sections[current]?.pos) return null
    return entryPosition(target, 'below')
  }
  const start = $pos.start()
  const siblings: { node: ProseMirrorNode; pos: number; index: number }[] = []
  parent.forEach((node, childOffset, childIndex) => {
    siblings.push({ node, pos: start + childOffset, index: childIndex })
  })
  const articles = siblings.filter((sibling) => sibling.node.type.name === 'article')
  const own = articles.findIndex((sibling) => sibling.index === index)
  if (move.direction === 'up') {
    const previous = articles[own - 1]
    if (previous) return previous.pos
    const section = current > 0 ? sections[current - 1] : undefined
    return section ? entryPosition(section, 'below') : null
  }
  const next = articles[own + 1]
  if (next) return next.pos + next.node.nodeSize
  const section = current >= 0 ? sections[current + 1] : undefined
  return section ? entryPosition(section, 'above') : null
}
