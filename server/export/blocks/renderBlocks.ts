import type { JSONContent } from '@tiptap/core'
import { type AreaId, isAreaId, safeLinkTarget } from '../../../shared/schema/index.ts'
import type { BlockContext, ExportBlock, InlineRun } from './ExportBlock.ts'
import { sanitizeText } from './sanitizeText.ts'

/** Deeper lists are printed at this depth: past it indentation carries no meaning and runs off the page. */
export const maxListDepth = 8
// Any container nested deeper than this (only possible in a hostile or corrupt document) is reduced to its
// text, collected without recursion, so the walker's stack stays bounded whatever the input.
const maxNesting = 48
const maxQuoteDepth = 4
const bullets = ['•', '◦', '▪']

interface Walk {
  blocks: ExportBlock[]
  articles: number
}

function childrenOf(node: JSONContent): JSONContent[] {
  return Array.isArray(node.content)
    ? node.content.filter((child): child is JSONContent => typeof child === 'object' && child !== null)
    : []
}

function attr(node: JSONContent, name: string): unknown {
  const attrs = node.attrs
  return typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>)[name] : undefined
}

/** All text below a node, gathered with an explicit stack so depth cannot overflow the call stack. */
function collectText(node: JSONContent): string {
  const parts: string[] = []
  const stack: JSONContent[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'text') parts.push(sanitizeText(current.text))
    else if (current.type === 'hardBreak') parts.push(' ')
    const children = childrenOf(current)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    if (current.type !== 'text' && children.length > 0) parts.push(' ')
  }
  return parts.join('').replace(/ {2,}/g, ' ').trim()
}

function plainRun(text: string): InlineRun {
  return { text, bold: false, italic: false, underline: false, strike: false, href: null }
}

function textRun(node: JSONContent): InlineRun {
  const run = plainRun(sanitizeText(node.text))
  const marks = Array.isArray(node.marks) ? node.marks : []
  for (const mark of marks) {
    if (typeof mark !== 'object' || mark === null) continue
    if (mark.type === 'bold') run.bold = true
    else if (mark.type === 'italic') run.italic = true
    else if (mark.type === 'underline') run.underline = true
    else if (mark.type === 'strike') run.strike = true
    else if (mark.type === 'link') run.href = safeLinkTarget(mark.attrs?.href)
  }
  return run
}

function sameMarks(a: InlineRun, b: InlineRun): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strike === b.strike &&
    a.href === b.href
  )
}

function inlineRuns(node: JSONContent): InlineRun[] {
  const runs: InlineRun[] = []
  for (const child of childrenOf(node)) {
    let run: InlineRun
    if (child.type === 'text') run = textRun(child)
    else if (child.type === 'hardBreak') run = plainRun('\n')
    else run = plainRun(collectText(child))
    if (run.text === '') continue
    const last = runs[runs.length - 1]
    if (last && last.text !== '\n' && run.text !== '\n' && sameMarks(last, run)) last.text += run.text
    else runs.push(run)
  }
  // Breaks at either end only produce empty lines.
  while (runs[0]?.text === '\n') runs.shift()
  while (runs[runs.length - 1]?.text === '\n') runs.pop()
  return runs
}

function hasText(runs: InlineRun[]): boolean {
  return runs.some((run) => run.text.trim() !== '')
}

function pushParagraph(walk: Walk, runs: InlineRun[], context: BlockContext): void {
  if (hasText(runs)) walk.blocks.push({ kind: 'paragraph', runs, context })
}

function walkList(
  walk: Walk,
  list: JSONContent,
  context: BlockContext,
  depth: number,
  nesting: number,
): void {
  const ordered = list.type === 'orderedList'
  const start = attr(list, 'start')
  const first = typeof start === 'number' && Number.isInteger(start) && start >= 0 && start < 1e6 ? start : 1
  childrenOf(list).forEach((item, index) => {
    const marker = ordered ? `${first + index}.` : (bullets[depth % bullets.length] ?? '•')
    let markerUsed = false
    const pushItem = (runs: InlineRun[]) => {
      if (!hasText(runs)) return
      walk.blocks.push({ kind: 'listItem', ordered, depth, marker: markerUsed ? '' : marker, runs, context })
      markerUsed = true
    }
    const parts = item.type === 'listItem' ? childrenOf(item) : [item]
    for (const part of parts) {
      if (part.type === 'paragraph' || part.type === 'heading') pushItem(inlineRuns(part))
      else if ((part.type === 'bulletList' || part.type === 'orderedList') && nesting < maxNesting) {
        walkList(walk, part, context, Math.min(depth + 1, maxListDepth - 1), nesting + 1)
      } else pushItem([plainRun(collectText(part))])
    }
  })
}

function walkChildren(walk: Walk, node: JSONContent, context: BlockContext, nesting: number): void {
  for (const child of childrenOf(node)) walkBlock(walk, child, context, nesting + 1)
}

function walkBlock(walk: Walk, node: JSONContent, context: BlockContext, nesting: number): void {
  if (nesting > maxNesting) {
    pushParagraph(walk, [plainRun(collectText(node))], context)
    return
  }
  switch (node.type) {
    case 'paragraph':
      pushParagraph(walk, inlineRuns(node), context)
      return
    case 'heading': {
      const runs = inlineRuns(node)
      if (!hasText(runs)) return
      const level = attr(node, 'level')
      const clamped = typeof level === 'number' ? Math.min(Math.max(Math.trunc(level), 2), 4) : 2
      walk.blocks.push({ kind: 'heading', level: clamped as 2 | 3 | 4, runs, context })
      return
    }
    case 'bulletList':
    case 'orderedList':
      walkList(walk, node, context, 0, nesting)
      return
    case 'blockquote':
      walkChildren(walk, node, { ...context, quote: Math.min(context.quote + 1, maxQuoteDepth) }, nesting)
      return
    case 'charterSection': {
      const area = attr(node, 'area')
      const sectionContext: BlockContext = { ...context, area: isAreaId(area) ? area : ('other' as AreaId) }
      const [first, ...rest] = childrenOf(node)
      if (first?.type === 'heading') {
        const runs = inlineRuns(first)
        if (hasText(runs)) walk.blocks.push({ kind: 'sectionHeading', runs, context: sectionContext })
      } else if (first) walkBlock(walk, first, sectionContext, nesting + 1)
      for (const child of rest) walkBlock(walk, child, sectionContext, nesting + 1)
      return
    }
    case 'article': {
      walk.articles += 1
      const number = walk.articles
      const articleContext: BlockContext = { ...context, article: number }
      walk.blocks.push({
        kind: 'articleHeading',
        number,
        label: `Article ${number}`,
        context: articleContext,
      })
      walkChildren(walk, node, articleContext, nesting)
      return
    }
    case 'signatureBlock': {
      const party = attr(node, 'party') === 'US' ? 'US' : 'AZ'
      walkChildren(walk, node, { ...context, party }, nesting)
      return
    }
    case 'text':
      pushParagraph(walk, [textRun(node)], context)
      return
    case 'hardBreak':
      return
    default:
      // Unknown nodes never reach a renderer; only their words survive, as a plain paragraph.
      pushParagraph(walk, [plainRun(collectText(node))], context)
  }
}

/**
 * Turns the charter's ProseMirror JSON into the flat block list the exporters render. It trusts nothing in
 * the input: unknown nodes and marks are reduced to text, links are re-checked, depth is bounded, and
 * article numbers are computed from document order (they are not stored).
 */
export function renderBlocks(doc: JSONContent): ExportBlock[] {
  const walk: Walk = { blocks: [], articles: 0 }
  const root: BlockContext = { area: null, article: null, party: null, quote: 0 }
  let titleSeen = false
  for (const child of childrenOf(doc)) {
    if (!titleSeen && child.type === 'heading' && attr(child, 'level') === 1) {
      const runs = inlineRuns(child)
      if (hasText(runs)) {
        walk.blocks.push({ kind: 'title', runs, context: root })
        titleSeen = true
        continue
      }
    }
    walkBlock(walk, child, root, 1)
  }
  return walk.blocks
}
