import { describe, expect, it } from 'vitest'
import {
  azerbaijaniLetters,
  azerbaijaniNames,
  contentHash,
  cyrillicLetters,
  cyrillicTitle,
  hostileText,
  meta,
  richDoc,
  threads,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { readDocx } from '../../../test/fixtures/export/readDocx.ts'
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
