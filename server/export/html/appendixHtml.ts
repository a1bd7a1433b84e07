import type { AppendixThread } from '../blocks/appendixThreads.ts'
import { escapeHtml } from '../blocks/escapeHtml.ts'
import type { ExportLabels } from '../blocks/exportLabels.ts'

/** The optional appendix of comment threads; shared by the redline export. */
export function appendixHtml(threads: readonly AppendixThread[], labels: ExportLabels): string {
  const out = ['<section class="appendix">', `<h2>${escapeHtml(labels.appendixTitle)}</h2>`]
  if (threads.length === 0) out.push(`<p>${escapeHtml(labels.noThreads)}</p>`)
  for (const thread of threads) {
    out.push('<div class="thread">')
    out.push(`<h3>${escapeHtml(thread.heading)}</h3>`)
    if (thread.quote) out.push(`<blockquote>“${escapeHtml(thread.quote)}”</blockquote>`)
    for (const comment of thread.comments) {
      const text =
        comment.text === null
          ? `<span class="deleted">${escapeHtml(labels.commentDeleted)}</span>`
          : escapeHtml(comment.text)
      out.push(
        `<p class="comment"><span class="byline">${escapeHtml(comment.byline)}</span>, ` +
          `${escapeHtml(comment.date)}: ${text}</p>`,
      )
    }
    out.push('</div>')
  }
  out.push('</section>')
  return out.join('\n')
}
