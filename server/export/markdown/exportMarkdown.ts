import { type AppendixThread, appendixThreads } from '../blocks/appendixThreads.ts'
import type { ExportBlock, InlineRun } from '../blocks/ExportBlock.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import { defaultExportOptions, type ExportOptions } from '../blocks/ExportOptions.ts'
import { exportBlocks } from '../blocks/exportBlocks.ts'
import { type ExportLabels, exportLabels } from '../blocks/exportLabels.ts'
import { exportNotes } from '../blocks/exportNotes.ts'
import { escapeMarkdown } from './escapeMarkdown.ts'

/** Stops a line from being read as a heading, list item, quote, setext underline or code block. */
function protectLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^[#>+=-]/, '\\$&')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n')
}

/** Link targets go in angle brackets; characters that could end the destination are percent-encoded. */
function markdownHref(href: string): string {
  return href.replace(
    /[\s<>\\()[\]`]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

function runMarkdown(run: InlineRun): string {
  if (run.text === '\n') return '\\\n'
  // Delimiters must touch non-space text, so surrounding spaces stay outside them.
  const match = /^(\s*)(.*?)(\s*)$/s.exec(run.text)
  const [, lead = '', core = '', trail = ''] = match ?? []
  if (core === '') return run.text
  let md = escapeMarkdown(core)
  // The notation's glyphs are escaped text, so "[" can never open a link; Markdown has no colour, and
  // needs none: the proposer is spelled out after every alternative.
  switch (run.role) {
    case 'proposer':
      // CommonMark has no superscript; <sup> is generated here and only wraps escaped text, like <u>.
      return `${lead}<sup>${md}</sup>${trail}`
    case 'optionLabel':
      return `${lead}**${md}**${trail}`
    case 'brokenReference':
      return `${lead}**${md}**${trail}`
    case 'bracket':
    case 'crossReference':
    case 'collapsed':
      return `${lead}${md}${trail}`
    case 'text':
      break
  }
  if (run.strike) md = `~~${md}~~`
  if (run.italic) md = `*${md}*`
  if (run.bold) md = `**${md}**`
  // Markdown has no underline; <u> is generated here, never taken from the text, and only wraps escaped text.
  if (run.underline) md = `<u>${md}</u>`
  if (run.href) md = `[${md}](<${markdownHref(run.href)}>)`
  // Tracked changes in CriticMarkup, with the author's delegation: {++new++}^AZ, {--old--}^US.
  if (run.suggestion) {
    const [open, close] = run.suggestion.kind === 'insertion' ? ['{++', '++}'] : ['{--', '--}']
    md = `${open}${md}${close}<sup>${run.suggestion.delegation}</sup>`
  }
  return `${lead}${md}${trail}`
}

function runsMarkdown(runs: InlineRun[]): string {
  return protectLineStarts(runs.map(runMarkdown).join('').trim())
}

function blocksMarkdown(blocks: readonly ExportBlock[]): string {
  const out: string[] = []
  // Content column of the latest item at each depth: a nested item must start there to stay nested.
  const contentColumn: number[] = []
  let previous: ExportBlock | null = null
  for (const block of blocks) {
    if (block.kind === 'listItem') {
      const indent = block.depth === 0 ? 0 : (contentColumn[block.depth - 1] ?? block.depth * 4)
      const isNewList = previous?.kind !== 'listItem'
      if (isNewList) out.push('')
      const marker = block.marker === '' ? '' : block.ordered ? block.marker : '-'
      const prefix = ' '.repeat(indent) + (marker ? `${marker} ` : '')
      if (marker) contentColumn[block.depth] = prefix.length
      else out.push('')
      const column = marker ? prefix.length : (contentColumn[block.depth] ?? indent)
      const body = runsMarkdown(block.runs).replace(/\n/g, `\n${' '.repeat(column)}`)
      out.push(marker ? `${prefix}${body}` : `${' '.repeat(column)}${body}`)
      previous = block
      continue
    }
    contentColumn.length = 0
    out.push('')
    const quote = block.context.quote > 0 ? `${'> '.repeat(block.context.quote)}` : ''
    switch (block.kind) {
      case 'title':
        out.push(`# ${runsMarkdown(block.runs).replace(/\\\n/g, ' ')}`)
        break
      case 'sectionHeading':
        out.push(`## ${runsMarkdown(block.runs).replace(/\\\n/g, ' ')}`)
        break
      case 'articleHeading':
        // Markdown has no margin: the status follows the number, set apart in italics.
        out.push(
          `### ${escapeMarkdown(block.label)}${block.status ? ` — *${escapeMarkdown(block.status.label)}*` : ''}`,
        )
        break
      case 'heading':
        out.push(`${'#'.repeat(block.level + 1)} ${runsMarkdown(block.runs).replace(/\\\n/g, ' ')}`)
        break
      case 'paragraph':
        out.push(quote + runsMarkdown(block.runs).replace(/\n/g, `\n${quote}`))
        break
    }
    previous = block
  }
  return out.join('\n')
}

function appendixMarkdown(threads: readonly AppendixThread[], labels: ExportLabels): string {
  const out = ['', '---', '', `## ${escapeMarkdown(labels.appendixTitle)}`]
  if (threads.length === 0) out.push('', escapeMarkdown(labels.noThreads))
  for (const thread of threads) {
    out.push('', `### ${escapeMarkdown(thread.heading)}`)
    if (thread.quote) out.push('', `> “${escapeMarkdown(thread.quote)}”`)
    out.push('')
    for (const comment of thread.comments) {
      const text =
        comment.text === null ? `*${escapeMarkdown(labels.commentDeleted)}*` : escapeMarkdown(comment.text)
      out.push(`- **${escapeMarkdown(comment.byline)}**, ${escapeMarkdown(comment.date)}: ${text}`)
    }
  }
  return out.join('\n')
}

/**
 * Markdown (CommonMark) of a charter snapshot, in the markup or the clean view, with the same identifying
 * header, notes and footer as print.
 */
export function exportMarkdown(input: ExportInput, options: ExportOptions = defaultExportOptions): string {
  const view = options.view ?? 'markup'
  const labels = exportLabels(input.meta, view)
  const blocks = exportBlocks(input, view, labels, options)
  const notes = exportNotes(blocks, view, labels)
  const parts = [`*${escapeMarkdown(labels.header)}*`]
  if (notes.length > 0) {
    parts.push('', `> **${escapeMarkdown(labels.notesTitle)}**`)
    for (const note of notes) parts.push('>', `> ${escapeMarkdown(note)}`)
  }
  parts.push(blocksMarkdown(blocks))
  if (options.includeThreads)
    parts.push(appendixMarkdown(appendixThreads(input.threads, labels.language), labels))
  parts.push(
    '',
    '---',
    '',
    `${escapeMarkdown(labels.snapshotLine)}  `,
    `SHA-256: \`${labels.contentHash}\``,
    '',
  )
  return parts.join('\n')
}
