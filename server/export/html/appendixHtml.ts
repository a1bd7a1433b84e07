import { type AppendixThread, deletedCommentText } from '../blocks/appendixThreads.ts'
import { escapeHtml } from '../blocks/escapeHtml.ts'

/** The optional appendix of comment threads; shared by the redline export. */
export function appendixHtml(threads: readonly AppendixThread[]): string {
  const out = ['<section class="appendix">', '<h2>Appendix — Comment threads</h2>']
  if (threads.length === 0) out.push('<p>No comment threads.</p>')
  for (const thread of threads) {
    out.push('<div class="thread">')
    out.push(
      `<h3>Thread ${thread.number} — ${escapeHtml(thread.areaTitle)} — ${escapeHtml(thread.status)}</h3>`,
    )
    if (thread.quote) out.push(`<blockquote>“${escapeHtml(thread.quote)}”</blockquote>`)
    for (const comment of thread.comments) {
      const text =
        comment.text === null
          ? `<span class="deleted">${escapeHtml(deletedCommentText)}</span>`
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
