import { describe, expect, it } from 'vitest'
import {
  azerbaijaniNames,
  contentHash,
  cyrillicTitle,
  meta,
  negotiationDoc,
  richDoc,
  threads,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { escapeMarkdown } from './escapeMarkdown.ts'
import { exportMarkdown } from './exportMarkdown.ts'

/** Raw '<' is only allowed as the <u> tags the exporter writes itself; everything else must be escaped. */
function expectNoRawHtml(markdown: string): void {
  const withoutOwnTags = markdown.replace(/<\/?u>/g, '').replace(/\]\(<https?:[^>\s]*>\)/g, '](LINK)')
  expect(withoutOwnTags).not.toMatch(/(^|[^\\])</m)
}

/** ATX headings of a Markdown text, as [level, text]. */
function headings(markdown: string): [number, string][] {
  return markdown
    .split('\n')
    .map((line) => /^(#{1,6}) (.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1]!.length, match[2]!])
}

describe('exportMarkdown', () => {
  const markdown = exportMarkdown({ doc: richDoc(), meta, threads }, { includeThreads: true })

  it('has the header, headings, article numbers, runs and footer', () => {
    expect(markdown.startsWith('*DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC*')).toBe(true)
    const found = headings(markdown)
    expect(found[0]).toEqual([
      1,
      'Charter on Strategic Partnership between the Republic of Azerbaijan and the United States of America',
    ])
    expect(found).toContainEqual([2, 'Section 1. Regional connectivity'])
    expect(
      found.filter(([level, text]) => level === 3 && text.startsWith('Article')).map(([, text]) => text),
    ).toEqual(['Article 1', 'Article 2', 'Article 3', 'Article 4', 'Article 5', 'Article 6'])
    expect(markdown).toContain(`**${azerbaijaniNames}**`)
    expect(markdown).toContain(`<u>${cyrillicTitle}</u>\\\n`)
    expect(markdown).toContain('[the treaty site](<https://example.org/charter?a=1&b=2>)')
    expect(markdown).toContain('~~struck~~')
    expect(markdown).toContain('\n1. First ordered point\n2. Second ordered point\n   - Nested bullet\n')
    expect(markdown).toContain(`SHA-256: \`${contentHash}\``)
  })

  it('escapes hostile text so it cannot become HTML, links or emphasis', () => {
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\> \\<script\\>alert(2)\\</script\\>')
    expect(markdown).toContain('\\[x\\](javascript:alert(3))')
    expect(markdown).not.toMatch(/(^|[^\\])\]\(<?javascript:/im)
    expect(markdown).not.toContain('Evil link](')
    expectNoRawHtml(markdown)
  })

  it('neutralises line-start syntax and inline specials', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d] <e> ~f~ &amp; |g|')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\<e\\> \\~f\\~ \\&amp; \\|g\\|',
    )
    const hostile = exportMarkdown({
      doc: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '# not a heading' }] },
          { type: 'paragraph', content: [{ type: 'text', text: '    not code' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'x' },
              { type: 'hardBreak' },
              { type: 'text', text: '1. not a list' },
            ],
          },
        ],
      },
      meta,
    })
    expect(headings(hostile)).toEqual([])
    expect(hostile).toContain('\n\\# not a heading\n')
    expect(hostile).toContain('\nnot code\n')
    expect(hostile).toContain('x\\\n1\\. not a list')
  })

  it('lists threads without deleted comments and escapes comment text', () => {
    expect(headings(markdown)).toContainEqual([2, 'Appendix — Comment threads'])
    expect(markdown).toContain('*\\[comment deleted\\]*')
    expect(markdown).not.toContain('Secret')
    expect(markdown).toContain('\\<b onmouseover=alert(8)\\>')
    expect(exportMarkdown({ doc: richDoc(), meta, threads })).not.toContain('Appendix')
  })
})

describe('exportMarkdown with negotiated text', () => {
  const markdown = exportMarkdown({ doc: negotiationDoc(), meta })

  it('writes escaped brackets with <sup> proposers, so the notation never becomes a link', () => {
    expect(markdown).toContain(
      `The Parties \\[shall<sup>AZ</sup> / *should*<sup>US</sup>\\] develop the Middle Corridor ` +
        `\\[with ${azerbaijaniNames}<sup>Joint</sup>\\], subject to Article 5 and **Article \\[?\\]**.`,
    )
    expect(markdown).toContain('Cooperation on \\[digital<sup>US</sup>\\] infrastructure.')
    expectNoRawHtml(markdown.replace(/<\/?sup>/g, ''))
  })

  it('writes paragraph-level options and the notes above the text', () => {
    expect(markdown).toContain('\n**\\[Option 1 (AZ):** Energy projects shall be financed jointly.\\]\n')
    expect(markdown).toContain('\n**\\[Option 2 (US):** Energy projects may be financed by either Party.\n')
    expect(markdown).toContain('\nFinancing follows Article 2.\\]\n')
    const notesStart = markdown.indexOf('> **Notes on this text**')
    expect(notesStart).toBeGreaterThan(0)
    expect(notesStart).toBeLessThan(markdown.indexOf('# Charter'))
    expect(markdown).toContain('> Text in square brackets is not agreed.')
    expect(markdown).toContain('> 1 cross-reference points to an article that has been deleted')
  })

  it('writes the clean view with brackets collapsed and the count in the notes', () => {
    const clean = exportMarkdown({ doc: negotiationDoc(), meta }, { includeThreads: false, view: 'clean' })
    expect(clean.startsWith('*DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC — CLEAN TEXT*')).toBe(true)
    expect(clean).toContain(
      'The Parties \\[…\\] develop the Middle Corridor \\[…\\], subject to Article 5 and **Article \\[?\\]**.',
    )
    expect(clean).toContain('> Clean text: only the text outside brackets is shown; 4 open brackets')
    expect(clean).not.toMatch(/<sup>|should|Energy projects|Option/)
  })
})
