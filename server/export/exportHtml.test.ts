import { describe, expect, it } from 'vitest'
import {
  azerbaijaniNames,
  contentHash,
  cyrillicTitle,
  meta,
  richDoc,
  templateDoc,
  threads,
} from './exportFixtures.ts'
import { exportHtml } from './exportHtml.ts'
import { expectSafeHtml } from './testHelpers.ts'

describe('exportHtml', () => {
  it('writes a standalone page with header, footer, articles and no script', () => {
    const html = exportHtml({ doc: templateDoc(), meta })
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('@media print')
    expect(html).toContain('DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC')
    expect(html).toContain(contentHash)
    expect(html).toContain('<h3 class="article-number">Article 5</h3>')
    expect(html).toContain('<section class="charter-section" data-area="security">')
    expect(html).toContain('<div class="signature" data-party="US">')
    expect(html).not.toContain('Appendix')
    expectSafeHtml(html)
  })

  it('escapes hostile text and drops unsafe links', () => {
    const html = exportHtml({ doc: richDoc(), meta, threads }, { includeThreads: true })
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;')
    expect(html).toContain('<a href="https://example.org/charter?a=1&amp;b=2" rel="noopener noreferrer">')
    expect(html).toContain(`<strong>${azerbaijaniNames}</strong>`)
    expect(html).toContain(`<u>${cyrillicTitle}</u><br>`)
    expectSafeHtml(html.replace(/\[x\]\(javascript:alert\(3\)\)/, ''))
  })

  it('adds the comment appendix on request, without the text of deleted comments', () => {
    const html = exportHtml({ doc: templateDoc(), meta, threads }, { includeThreads: true })
    expect(html).toContain('Appendix — Comment threads')
    expect(html).toContain('Thread 1 — Regional connectivity — Open')
    expect(html).toContain('Ələkbərov (Azerbaijani delegation)')
    expect(html).toContain('[comment deleted]')
    expect(html).not.toContain('Secret')
    expect(html).toContain('&lt;b onmouseover=alert(8)&gt;')
    expectSafeHtml(html)
  })
})
