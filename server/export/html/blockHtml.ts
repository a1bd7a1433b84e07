import type { BlockContext, ExportBlock, InlineRun } from '../blocks/ExportBlock.ts'
import { escapeHtml } from '../blocks/escapeHtml.ts'

/** Class naming the proposer's colour; the colour is never the only signal (the superscript says it too). */
function proposerClass(run: InlineRun): string {
  return run.proposer ? ` p-${run.proposer}` : ''
}

function runHtml(run: InlineRun): string {
  if (run.text === '\n') return '<br>'
  let html = escapeHtml(run.text)
  switch (run.role) {
    case 'proposer':
      return `<sup class="by${proposerClass(run)}">${html}</sup>`
    case 'bracket':
      return `<span class="br${proposerClass(run)}">${html}</span>`
    case 'optionLabel':
      return `<span class="opt${proposerClass(run)}">${html}</span>`
    case 'crossReference':
      return `<span class="xref">${html}</span>`
    case 'brokenReference':
      return `<span class="xref-broken">${html}</span>`
    case 'collapsed':
      return `<span class="collapsed">${html}</span>`
    case 'text':
      break
  }
  if (run.strike) html = `<s>${html}</s>`
  if (run.underline) html = `<u>${html}</u>`
  if (run.italic) html = `<em>${html}</em>`
  if (run.bold) html = `<strong>${html}</strong>`
  if (run.href) html = `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer">${html}</a>`
  if (run.proposer) html = `<span class="alt${proposerClass(run)}">${html}</span>`
  const suggestion = run.suggestion
  if (suggestion) {
    const tag = suggestion.kind === 'insertion' ? 'ins' : 'del'
    const by = `${suggestion.name} (${suggestion.delegation})`
    html =
      `<${tag} class="suggestion p-${suggestion.delegation}" data-delegation="${suggestion.delegation}" ` +
      `data-author="${escapeHtml(suggestion.name)}" datetime="${escapeHtml(suggestion.at)}" ` +
      `title="${escapeHtml(by)}">${html}</${tag}>`
  }
  return html
}

function runsHtml(runs: InlineRun[]): string {
  return runs.map(runHtml).join('')
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
    case 'articleHeading': {
      const status = block.status
        ? ` <span class="clause-status s-${block.status.value}">${escapeHtml(block.status.label)}</span>`
        : ''
      return `<h3 class="article-number">${escapeHtml(block.label)}${status}</h3>`
    }
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
