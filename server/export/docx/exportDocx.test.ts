import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  azerbaijaniLetters,
  azerbaijaniNames,
  contentHash,
  cyrillicLetters,
  cyrillicTitle,
  meta,
  richDoc,
  threads,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { exportDocx } from './exportDocx.ts'

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Paragraph texts of a WordprocessingML part, runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((text) => decode(text[1] ?? ''))
      .join(''),
  )
}

async function parts(includeThreads: boolean): Promise<Record<string, string>> {
  const buffer = await exportDocx({ doc: richDoc(), meta, threads }, { includeThreads })
  expect(buffer.subarray(0, 2).toString()).toBe('PK')
  const files = unzipSync(new Uint8Array(buffer))
  return Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]),
  )
}

describe('exportDocx', () => {
  it('writes title, sections, numbered articles, runs and lists', async () => {
    const files = await parts(false)
    const xml = files['word/document.xml']!
    const texts = paragraphs(xml)
    expect(texts[0]).toBe(
      'Charter on Strategic Partnership between the Republic of Azerbaijan and the United States of America',
    )
    expect(xml).toContain('<w:pStyle w:val="Title"/>')
    expect(texts).toContain('Section 1. Regional connectivity')
    expect(texts).toContain('Article 6')
    expect(texts).toContain(`Signatories: ${azerbaijaniNames}; letters ${azerbaijaniLetters}.`)
    expect(texts).toContain(`${cyrillicTitle}${cyrillicLetters}`)
    expect(texts).toContain('<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))')
    expect(texts).toContain('1.First ordered point')
    expect(texts).toContain('Mystery words kept')
    expect(texts.join('\n')).not.toContain('Appendix')
    expect(xml).toContain('<w:b/>')
    expect(xml).toContain('<w:strike/>')
    // The only external relationship is the safe link.
    const rels = files['word/_rels/document.xml.rels']!
    expect(rels).toContain('https://example.org/charter?a=1&amp;b=2')
    expect(rels).not.toMatch(/javascript/i)
  })

  it('puts the draft header in the page header and page numbers, snapshot and hash in the footer', async () => {
    const files = await parts(false)
    const headers = Object.keys(files).filter((name) => /^word\/header\d*\.xml$/.test(name))
    const footers = Object.keys(files).filter((name) => /^word\/footer\d*\.xml$/.test(name))
    expect(headers.map((name) => paragraphs(files[name]!).join('\n')).join('\n')).toContain(
      'DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC',
    )
    const footer = footers.map((name) => files[name]!).join('\n')
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
    expect(paragraphs(footer).join('\n')).toContain(contentHash)
    expect(paragraphs(footer).join('\n')).toContain('Page ')
  })

  it('appends comment threads on request, without deleted comment text', async () => {
    const texts = paragraphs((await parts(true))['word/document.xml']!)
    expect(texts).toContain('Appendix — Comment threads')
    expect(texts).toContain('Thread 1 — Regional connectivity — Open')
    expect(texts.join('\n')).toContain('[comment deleted]')
    expect(texts.join('\n')).not.toContain('Secret')
  })
})
