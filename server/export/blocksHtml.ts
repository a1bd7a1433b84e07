import type { BlockContext, ExportBlock, InlineRun } from './ExportBlock.ts'
import { escapeHtml } from './escapeHtml.ts'

function runsHtml(runs: InlineRun[]): string {
  return runs
    .map((run) => {
      if (run.text === '\n') return '<br>'
      let html = escapeHtml(run.text)
      if (run.strike) html = `<s>${html}</s>`
      if (run.underline) html = `<u>${html}</u>`
      if (run.italic) html = `<em>${html}</em>`
      if (run.bold) html = `<strong>${html}</strong>`
      if (run.href) html = `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer">${html}</a>`
      return html
    })
    .join('')
}

function quoteClass(context: BlockContext): string {
  return context.quote > 0 ? ` class="q${context.quote}"` : ''
}

/** The plain rendering of one block, for `blocksHtml`. */
export function blockHtml(block: ExportBlock): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${runsHtml(block.runs)}</h1>`
    case 'sectionHeading':
      return `<h2>${runsHtml(block.runs)}</h2>`
    case 'articleHeading':
      return `<h3 class="article-number">${escapeHtml(block.label)}</h3>`
    case 'heading':
      return `<h${block.level + 1}>${runsHtml(block.runs)}</h${block.level + 1}>`
    case 'paragraph':
      return `<p${quoteClass(block.context)}>${runsHtml(block.runs)}</p>`
    case 'listItem':
      return (
        `<div class="li d${block.depth}"><span class="marker">${escapeHtml(block.marker)}</span>` +
        `<span>${runsHtml(block.runs)}</span></div>`
      )
  }
}

/** Renders blocks, opening a section, article or signature wrapper whenever the block's context changes. */
export function blocksHtml<T extends { context: BlockContext }>(
  blocks: readonly T[],
  renderBlock: (block: T) => string,
): string {
  const out: string[] = []
  let area: string | null = null
  let article: number | null = null
  let party: string | null = null
  const closeInner = () => {
    if (article !== null) out.push('</div>')
    if (party !== null) out.push('</div>')
    article = null
    party = null
  }
  for (const block of blocks) {
    const context = block.context
    if (context.area !== area) {
      closeInner()
      if (area !== null) out.push('</section>')
      area = context.area
      if (area !== null) out.push(`<section class="charter-section" data-area="${escapeHtml(area)}">`)
    }
    if (context.article !== article || context.party !== party) {
      closeInner()
      article = context.article
      party = context.party
      if (article !== null) out.push(`<div class="article" data-article="${article}">`)
      if (party !== null) out.push(`<div class="signature" data-party="${escapeHtml(party)}">`)
    }
    out.push(renderBlock(block))
  }
  closeInner()
  if (area !== null) out.push('</section>')
  return out.join('\n')
}
