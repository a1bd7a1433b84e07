import { describe, expect, it } from 'vitest'
import {
  azerbaijaniLetters,
  azerbaijaniNames,
  contentHash,
  cyrillicLetters,
  cyrillicTitle,
  hostileText,
  meta,
  negotiationDoc,
  richDoc,
  threads,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { type DocxParagraph, readDocx } from '../../../test/fixtures/export/readDocx.ts'
import { exportDocx } from './exportDocx.ts'

async function read(includeThreads: boolean) {
  return readDocx(await exportDocx({ doc: richDoc(), meta, threads }, { includeThreads }))
}

describe('exportDocx', () => {
  it('writes title, sections, numbered articles, runs and lists', async () => {
    const { body, links } = await read(false)
    expect(body[0]).toMatchObject({
      style: 'Title',
      text: 'Charter on Strategic Partnership between the Republic of Azerbaijan and the United States of America',
    })
    const texts = body.map((paragraph) => paragraph.text)
    expect(body.find((paragraph) => paragraph.text === 'Section 1. Regional connectivity')?.style).toBe(
      'Heading1',
    )
    expect(body.find((paragraph) => paragraph.text === 'Article 6')?.style).toBe('Heading2')
    expect(texts).toContain(`Signatories: ${azerbaijaniNames}; letters ${azerbaijaniLetters}.`)
    expect(texts).toContain(`${cyrillicTitle}${cyrillicLetters}`)
    expect(texts).toContain(hostileText)
    expect(texts).toContain('1.First ordered point')
    expect(texts).toContain('Mystery words kept')
    expect(texts.join('\n')).not.toContain('Appendix')
    const runs = body.flatMap((paragraph) => paragraph.runs)
    expect(runs.find((run) => run.text === azerbaijaniNames)?.properties).toContain('w:b')
    expect(runs.find((run) => run.text === 'struck')?.properties).toContain('w:strike')
    expect(links).toEqual(['https://example.org/charter?a=1&b=2'])
  })

  it('puts the draft header in the page header and page numbers, snapshot and hash in the footer', async () => {
    const { headers, footers, footerFields } = await read(false)
    expect(headers.map((paragraph) => paragraph.text)).toContain(
      'DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC',
    )
    expect(footerFields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']))
    const footer = footers.map((paragraph) => paragraph.text).join('\n')
    expect(footer).toContain('Page ')
    expect(footer).toContain(`SHA-256 ${contentHash}`)
  })

  it('appends comment threads on request, without deleted comment text', async () => {
    const texts = (await read(true)).body.map((paragraph) => paragraph.text)
    expect(texts).toContain('Appendix — Comment threads')
    expect(texts).toContain('Thread 1 — Regional connectivity — Open')
    expect(texts.join('\n')).toContain('[comment deleted]')
    expect(texts.join('\n')).not.toContain('Secret')
  })
})

describe('exportDocx with negotiated text', async () => {
  const markup = readDocx(await exportDocx({ doc: negotiationDoc(), meta }))
  const clean = readDocx(
    await exportDocx({ doc: negotiationDoc(), meta }, { includeThreads: false, view: 'clean' }),
  )
  const paragraphStarting = (body: DocxParagraph[], start: string) =>
    body.find((paragraph) => paragraph.text.startsWith(start))!

  it('writes brackets in the standard notation with proposers as real superscript runs', () => {
    const paragraph = paragraphStarting(markup.body, 'The Parties [')
    expect(paragraph.text).toBe(
      `The Parties [shallAZ / shouldUS] develop the Middle Corridor [with ${azerbaijaniNames}Joint], ` +
        'subject to Article 5 and Article [?].',
    )
    const superscripts = paragraph.runs.filter((run) => run.properties.includes('w:vertalign'))
    expect(superscripts.map((run) => run.text)).toEqual(['AZ', 'US', 'Joint'])
    // Colour marks the proposer, and the superscript says it in words too.
    expect(paragraph.runs.find((run) => run.text === 'should')?.properties).toEqual(
      expect.arrayContaining(['w:i', 'w:color']),
    )
    expect(paragraph.runs.find((run) => run.text === ' develop the Middle Corridor ')?.properties).toEqual([])
    expect(markup.documentXml).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t[^>]*>AZ<\/w:t>/)
  })

  it('writes options, cross-references, a visibly broken reference and the notes before the title', () => {
    const texts = markup.body.map((paragraph) => paragraph.text)
    expect(texts).toContain('[Option 1 (AZ): Energy projects shall be financed jointly.]')
    expect(texts).toContain('Financing follows Article 2.]')
    const broken = paragraphStarting(markup.body, 'The Parties [').runs.find(
      (run) => run.text === 'Article [?]',
    )
    expect(broken?.properties).toEqual(expect.arrayContaining(['w:color', 'w:u']))
    expect(texts[0]).toBe('Notes on this text')
    expect(texts[1]).toContain('Text in square brackets is not agreed.')
    expect(texts[2]).toContain('1 cross-reference points to an article that has been deleted')
    expect(markup.body[3]).toMatchObject({ style: 'Title' })
  })

  it('writes the clean view with the view in the page header', () => {
    const texts = clean.body.map((paragraph) => paragraph.text)
    expect(texts).toContain(
      'The Parties […] develop the Middle Corridor […], subject to Article 5 and Article [?].',
    )
    expect(texts[1]).toContain('4 open brackets are collapsed')
    expect(texts.join('\n')).not.toMatch(/should|Energy projects|Option/)
    expect(
      clean.body.flatMap((paragraph) => paragraph.runs).some((run) => run.properties.includes('w:vertalign')),
    ).toBe(false)
    expect(clean.headers.map((paragraph) => paragraph.text)).toContain(
      'DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC — CLEAN TEXT',
    )
  })
})
