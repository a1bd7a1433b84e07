import { escapeHtml } from '../blocks/escapeHtml.ts'
import { exportLabels } from '../blocks/exportLabels.ts'
import { blocksHtml } from '../html/blocksHtml.ts'
import { htmlPage } from '../html/htmlPage.ts'
import { attributeChanges } from './attributeChanges.ts'
import { authorsOfParts } from './authorsOfParts.ts'
import type { ChangeAuthor } from './ChangeAttribution.ts'
import { countBracketChanges } from './countBracketChanges.ts'
import { countRedlineWords } from './countRedlineWords.ts'
import type { DiffPart } from './diffTokens.ts'
import type { RedlineInput } from './RedlineInput.ts'
import { type RedlineBlock, redlineBlocks } from './redlineBlocks.ts'
import { redlineSegments } from './redlineSegments.ts'

const redlineCss = `
ins { color: #0b5394; text-decoration: underline; text-decoration-thickness: 2px; background: #e8f0fb; }
del { color: #a61c1c; text-decoration: line-through; background: #fbeaea; }
sup { font-size: .68em; font-weight: 700; }
.rl-inserted { border-left: 3px solid #0b5394; padding-left: .5em; }
.rl-deleted { border-left: 3px solid #a61c1c; padding-left: .5em; }
.rl-summary { font: 10pt/1.4 system-ui, sans-serif; border: 1px solid #ccc; padding: .5rem .75rem; margin-bottom: 1.5rem; }
ins[data-delegation]::after, del[data-delegation]::after { content: attr(data-delegation); font-size: .62em; vertical-align: super; font-weight: 700; margin-left: .1em; }
ins[data-delegation="AZ"], del[data-delegation="AZ"] { text-decoration-color: #00798c; }
ins[data-delegation="US"], del[data-delegation="US"] { text-decoration-color: #b22234; }
@media print { ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`

/** `data-delegation` and a tooltip naming the author of a change, when known. */
function authorAttributes(author: ChangeAuthor | null | undefined): string {
  if (!author) return ''
  const delegation = author.delegation ? ` data-delegation="${escapeHtml(author.delegation)}"` : ''
  const label = author.delegation ? `${author.name} (${author.delegation})` : author.name
  return `${delegation} data-author="${escapeHtml(author.name)}" title="${escapeHtml(label)}"`
}

function partsHtml(parts: readonly DiffPart[], authors?: ReadonlyMap<DiffPart, ChangeAuthor | null>): string {
  return redlineSegments(parts, authors)
    .map((segment) => {
      let text = escapeHtml(segment.text)
      if (segment.superscript) text = `<sup>${text}</sup>`
      if (segment.op === 'insert') return `<ins${authorAttributes(segment.author)}>${text}</ins>`
      if (segment.op === 'delete') return `<del${authorAttributes(segment.author)}>${text}</del>`
      return text
    })
    .join('')
}

function redlineBlockHtml(
  { block, status, parts }: RedlineBlock,
  authors?: ReadonlyMap<DiffPart, ChangeAuthor | null>,
): string {
  const cls = status === 'inserted' || status === 'deleted' ? ` class="rl-${status}"` : ''
  const body = partsHtml(parts, authors)
  switch (block.kind) {
    case 'title':
      return `<h1${cls}>${body}</h1>`
    case 'sectionHeading':
      return `<h2${cls}>${body}</h2>`
    case 'articleHeading':
      return `<h3${cls}>${body}</h3>`
    case 'heading':
      return `<h${block.level + 1}${cls}>${body}</h${block.level + 1}>`
    case 'paragraph':
      return `<p${cls}>${body}</p>`
    case 'listItem':
      return (
        `<div class="li d${block.depth}${cls ? ` rl-${status}` : ''}"><span class="marker">` +
        `${escapeHtml(block.marker)}</span><span>${body}</span></div>`
      )
  }
}

/**
 * Standalone HTML redline between two snapshots: inserted words underlined in blue, deleted words struck
 * through in red, compared block by block. Inline formatting is not shown: the redline is about wording.
 */
export function exportRedlineHtml(input: RedlineInput): string {
  const labels = exportLabels(input.meta)
  const base = exportLabels(input.baseMeta)
  const blocks = redlineBlocks(input.baseDoc, input.doc, labels.notation)
  const authors = input.authorship ? authorsOfParts(blocks, attributeChanges(input.authorship)) : undefined
  const brackets = countBracketChanges(input.baseDoc, input.doc)
  const changed = blocks.filter((block) => block.status !== 'unchanged').length
  const [beforeInserted, beforeDeleted, afterDeleted] = labels
    .redlineCounts(changed, countRedlineWords(blocks, 'insert'), countRedlineWords(blocks, 'delete'))
    .map(escapeHtml)
  const sample = escapeHtml(labels.redlineSample)
  const summary = [
    '<div class="rl-summary">',
    `<div>${escapeHtml(labels.redlineCompared(base))}</div>`,
    `<div>${beforeInserted}<ins>${sample}</ins>${beforeDeleted}<del>${sample}</del>${afterDeleted}</div>`,
    `<div>${escapeHtml(labels.redlineBrackets(brackets.opened, brackets.cleaned))}</div>`,
    '</div>',
  ].join('')
  const body = `${summary}\n<main>\n${blocksHtml(
    blocks.map((block) => ({ ...block, context: block.block.context })),
    (block) => redlineBlockHtml(block, authors),
  )}\n</main>`
  return htmlPage({ ...labels, header: labels.redlineHeader }, body, redlineCss)
}
