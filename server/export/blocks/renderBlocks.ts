import type { JSONContent } from '@tiptap/core'
import { type ClauseStatus, clauseStatuses } from '../../../shared/negotiation/clauseStatus.ts'
import {
  type AreaId,
  isAreaId,
  isProposer,
  type Proposer,
  safeLinkTarget,
} from '../../../shared/schema/index.ts'
import type { ExportView, SuggestionExportView } from '../../../shared/snapshots/index.ts'
import {
  passesSuggestionFilter,
  readSuggestionMark,
  type SuggestionFilter,
} from '../../../shared/suggestions/index.ts'
import type { ArticleStatus, BlockContext, ExportBlock, InlineRun, RunRole } from './ExportBlock.ts'
import { type NotationLabels, notationLabels } from './notationLabels.ts'
import { sanitizeText } from './sanitizeText.ts'

/** Deeper lists are printed at this depth: past it indentation carries no meaning and runs off the page. */
export const maxListDepth = 8
// Any container nested deeper than this (only possible in a hostile or corrupt document) is reduced to its
// text, collected without recursion, so the walker's stack stays bounded whatever the input.
const maxNesting = 48
const maxQuoteDepth = 4
const bullets = ['•', '◦', '▪']

export interface RenderBlocksOptions {
  /** `markup` (default) prints brackets with their alternatives; `clean` collapses each to "[…]". */
  view?: ExportView
  /** Suggestions: tracked (default), as if accepted (`final`), or as if rejected (`original`). */
  suggestions?: SuggestionExportView
  /** Suggestions outside this filter read as the original text. */
  suggestionFilter?: SuggestionFilter
  /** Proposer and option labels in the export's language; English if not given. */
  notation?: NotationLabels
  /** Each article's status by clause id and its printed label; without it no article carries a status. */
  statuses?: {
    byClause: Readonly<Record<string, ClauseStatus>>
    label: (status: Exclude<ClauseStatus, 'open'>) => string
  }
}

/** What a cross-reference prints; "Article" like the headings, because it is part of the text. */
const articleLabel = (number: number) => `Article ${number}`
const brokenReferenceText = 'Article [?]'
const collapsedText = '[…]'

interface Walk {
  blocks: ExportBlock[]
  articles: number
  clean: boolean
  notation: NotationLabels
  /** Clause id → article number, first occurrence wins (ids are unique unless the document is corrupt). */
  numbers: Map<string, number>
  /** Cross-reference runs, numbered once every article has been counted (a reference may point forward). */
  references: { run: InlineRun; clauseId: unknown }[]
  statuses: RenderBlocksOptions['statuses'] | null
  suggestions: SuggestionExportView
  suggestionFilter: SuggestionFilter | undefined
}

/** The status printed for an article; null when it is open, unknown, or the id is not a plain own key. */
function articleStatus(walk: Walk, clauseId: unknown): ArticleStatus | null {
  const statuses = walk.statuses
  if (!statuses || typeof clauseId !== 'string' || !Object.hasOwn(statuses.byClause, clauseId)) return null
  const value = statuses.byClause[clauseId]
  if (value === undefined || value === 'open' || !clauseStatuses.includes(value)) return null
  return { value, label: statuses.label(value) }
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

/**
 * All text below a node, gathered with an explicit stack so depth cannot overflow the call stack. In the
 * clean view a bracket met here (only in a corrupt or hostile document) still gives none of its words.
 */
function collectText(node: JSONContent, clean = false): string {
  const parts: string[] = []
  const stack: JSONContent[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (clean && (current.type === 'bracket' || current.type === 'alternatives')) {
      parts.push(` ${collapsedText} `)
      continue
    }
    if (current.type === 'text') parts.push(sanitizeText(current.text))
    else if (current.type === 'hardBreak') parts.push(' ')
    const children = childrenOf(current)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    if (current.type !== 'text' && children.length > 0) parts.push(' ')
  }
  return parts.join('').replace(/ {2,}/g, ' ').trim()
}

function plainRun(text: string, role: RunRole = 'text', proposer: Proposer | null = null): InlineRun {
  return { text, bold: false, italic: false, underline: false, strike: false, href: null, role, proposer }
}

function proposerOf(node: JSONContent): Proposer | null {
  const value = attr(node, 'proposedBy')
  return isProposer(value) ? value : null
}

/**
 * A suggested insertion or deletion in the asked view: tracked (the run carries it), accepted (an insertion is
 * plain text, a deletion is gone) or rejected (the reverse). Returns false if the run is not printed.
 */
function applySuggestion(run: InlineRun, mark: { type?: unknown; attrs?: unknown }, walk: Walk): boolean {
  const kind = mark.type === 'insertion' ? 'insertion' : 'deletion'
  const attrs = readSuggestionMark(mark.attrs)
  const shown = !attrs || passesSuggestionFilter(walk.suggestionFilter, attrs.delegation, attrs.at)
  // A suggestion the filter leaves out reads as the original text: its insertion absent, its deletion kept.
  const view = shown ? walk.suggestions : 'original'
  if (view !== 'markup') return (kind === 'insertion') === (view === 'final')
  if (attrs)
    run.suggestion = { kind, id: attrs.id, name: attrs.name, delegation: attrs.delegation, at: attrs.at }
  return true
}

function textRun(node: JSONContent, proposer: Proposer | null, walk: Walk): InlineRun {
  const run = plainRun(sanitizeText(node.text), 'text', proposer)
  const marks = Array.isArray(node.marks) ? node.marks : []
  for (const mark of marks) {
    if (typeof mark !== 'object' || mark === null) continue
    if ((mark.type === 'insertion' || mark.type === 'deletion') && !applySuggestion(run, mark, walk))
      run.text = ''
    else if (mark.type === 'bold') run.bold = true
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
    a.href === b.href &&
    a.role === b.role &&
    a.proposer === b.proposer &&
    a.suggestion?.id === b.suggestion?.id &&
    a.suggestion?.kind === b.suggestion?.kind
  )
}

/** Appends a run, merged into the previous one when they look the same (cross-references stay apart). */
function pushRun(runs: InlineRun[], run: InlineRun): void {
  if (run.text === '') return
  const last = runs[runs.length - 1]
  const mergeable = run.text !== '\n' && run.role !== 'crossReference'
  if (last && last.text !== '\n' && mergeable && sameMarks(last, run)) last.text += run.text
  else runs.push(run)
}

/**
 * An inline bracket in the standard notation, `[shall^AZ / should^US]`, each alternative followed by its
 * proposer; in the clean view a single "[…]".
 */
function pushBracket(walk: Walk, runs: InlineRun[], bracket: JSONContent): void {
  if (walk.clean) {
    pushRun(runs, plainRun(collapsedText, 'collapsed'))
    return
  }
  pushRun(runs, plainRun('[', 'bracket'))
  childrenOf(bracket).forEach((alternative, index) => {
    if (index > 0) pushRun(runs, plainRun(' / ', 'bracket'))
    const proposer = alternative.type === 'bracketAlternative' ? proposerOf(alternative) : null
    const parts = alternative.type === 'bracketAlternative' ? childrenOf(alternative) : [alternative]
    for (const part of parts) {
      if (part.type === 'text') pushRun(runs, textRun(part, proposer, walk))
      else pushRun(runs, plainRun(collectText(part, walk.clean), 'text', proposer))
    }
    if (proposer) pushRun(runs, plainRun(walk.notation.proposer(proposer), 'proposer', proposer))
  })
  pushRun(runs, plainRun(']', 'bracket'))
}

function inlineRuns(walk: Walk, node: JSONContent): InlineRun[] {
  const runs: InlineRun[] = []
  for (const child of childrenOf(node)) {
    if (child.type === 'text') pushRun(runs, textRun(child, null, walk))
    else if (child.type === 'hardBreak') pushRun(runs, plainRun('\n'))
    else if (child.type === 'bracket') pushBracket(walk, runs, child)
    else if (child.type === 'crossReference') {
      const run = plainRun(brokenReferenceText, 'crossReference')
      walk.references.push({ run, clauseId: attr(child, 'clauseId') })
      pushRun(runs, run)
    } else pushRun(runs, plainRun(collectText(child, walk.clean)))
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
      if (part.type === 'paragraph' || part.type === 'heading') pushItem(inlineRuns(walk, part))
      else if ((part.type === 'bulletList' || part.type === 'orderedList') && nesting < maxNesting) {
        walkList(walk, part, context, Math.min(depth + 1, maxListDepth - 1), nesting + 1)
      } else pushItem([plainRun(collectText(part, walk.clean))])
    }
  })
}

function walkChildren(walk: Walk, node: JSONContent, context: BlockContext, nesting: number): void {
  for (const child of childrenOf(node)) walkBlock(walk, child, context, nesting + 1)
}

function walkBlock(walk: Walk, node: JSONContent, context: BlockContext, nesting: number): void {
  if (nesting > maxNesting) {
    pushParagraph(walk, [plainRun(collectText(node, walk.clean))], context)
    return
  }
  switch (node.type) {
    case 'paragraph':
      pushParagraph(walk, inlineRuns(walk, node), context)
      return
    case 'heading': {
      const runs = inlineRuns(walk, node)
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
        const runs = inlineRuns(walk, first)
        if (hasText(runs)) walk.blocks.push({ kind: 'sectionHeading', runs, context: sectionContext })
      } else if (first) walkBlock(walk, first, sectionContext, nesting + 1)
      for (const child of rest) walkBlock(walk, child, sectionContext, nesting + 1)
      return
    }
    case 'article': {
      walk.articles += 1
      const number = walk.articles
      const clauseId = attr(node, 'clauseId')
      if (typeof clauseId === 'string' && clauseId !== '' && !walk.numbers.has(clauseId))
        walk.numbers.set(clauseId, number)
      const articleContext: BlockContext = { ...context, article: number }
      walk.blocks.push({
        kind: 'articleHeading',
        number,
        label: articleLabel(number),
        status: articleStatus(walk, clauseId),
        context: articleContext,
      })
      walkChildren(walk, node, articleContext, nesting)
      return
    }
    case 'alternatives':
      walkAlternatives(walk, node, context, nesting)
      return
    case 'signatureBlock': {
      const party = attr(node, 'party') === 'US' ? 'US' : 'AZ'
      walkChildren(walk, node, { ...context, party }, nesting)
      return
    }
    case 'text':
      pushParagraph(walk, [textRun(node, null, walk)], context)
      return
    case 'hardBreak':
      return
    default:
      // Unknown nodes never reach a renderer; only their words survive, as a plain paragraph.
      pushParagraph(walk, [plainRun(collectText(node, walk.clean))], context)
  }
}

/**
 * A paragraph-level choice: each option's blocks, the first opened by "[Option 1 (AZ): " and the last closed
 * by "]", every word carrying the option's proposer. In the clean view one "[…]" paragraph.
 */
function walkAlternatives(walk: Walk, node: JSONContent, context: BlockContext, nesting: number): void {
  if (walk.clean) {
    walk.blocks.push({ kind: 'paragraph', runs: [plainRun(collapsedText, 'collapsed')], context })
    return
  }
  childrenOf(node).forEach((option, index) => {
    const proposer = option.type === 'option' ? proposerOf(option) : null
    const label = plainRun(`[${walk.notation.option(index + 1, proposer)}: `, 'optionLabel', proposer)
    const close = plainRun(']', 'bracket', proposer)
    const start = walk.blocks.length
    if (option.type === 'option') walkChildren(walk, option, context, nesting)
    else walkBlock(walk, option, context, nesting + 1)
    const produced = walk.blocks
      .slice(start)
      .filter(
        (block): block is Exclude<ExportBlock, { kind: 'articleHeading' }> => block.kind !== 'articleHeading',
      )
    const first = produced[0]
    const last = produced[produced.length - 1]
    if (!first || !last) {
      walk.blocks.push({ kind: 'paragraph', runs: [label, close], context })
      return
    }
    for (const block of produced)
      for (const run of block.runs) if (run.role === 'text' && run.proposer === null) run.proposer = proposer
    first.runs.unshift(label)
    last.runs.push(close)
  })
}

/**
 * Turns the charter's ProseMirror JSON into the flat block list the exporters render. It trusts nothing in
 * the input: unknown nodes and marks are reduced to text, links are re-checked, depth is bounded, and
 * article numbers are computed from document order (they are not stored). Cross-references get the number
 * of the article they point at, from that same count, so a reference and its heading always agree.
 */
export function renderBlocks(doc: JSONContent, options: RenderBlocksOptions = {}): ExportBlock[] {
  const walk: Walk = {
    blocks: [],
    articles: 0,
    clean: options.view === 'clean',
    notation: options.notation ?? notationLabels(),
    numbers: new Map(),
    references: [],
    statuses: options.statuses ?? null,
    suggestions: options.suggestions ?? 'markup',
    suggestionFilter: options.suggestionFilter,
  }
  const root: BlockContext = { area: null, article: null, party: null, quote: 0 }
  let titleSeen = false
  for (const child of childrenOf(doc)) {
    if (!titleSeen && child.type === 'heading' && attr(child, 'level') === 1) {
      const runs = inlineRuns(walk, child)
      if (hasText(runs)) {
        walk.blocks.push({ kind: 'title', runs, context: root })
        titleSeen = true
        continue
      }
    }
    walkBlock(walk, child, root, 1)
  }
  for (const { run, clauseId } of walk.references) {
    const number = typeof clauseId === 'string' ? walk.numbers.get(clauseId) : undefined
    if (number === undefined) run.role = 'brokenReference'
    else run.text = articleLabel(number)
  }
  return walk.blocks
}
