import { describe, expect, it } from 'vitest'
import { createCharterTemplate } from '../../../shared/schema/index.ts'
import * as fixtures from '../../../test/fixtures/export/exportFixtures.ts'
import { runPdfTool } from '../../../test/fixtures/export/runPdfTool.ts'
import { exportPdf } from './exportPdf.ts'

describe('exportPdf', () => {
  it('embeds fonts so Azerbaijani and Cyrillic text extracts exactly', async () => {
    const pdf = await exportPdf(
      { doc: fixtures.richDoc(), meta: fixtures.meta, threads: fixtures.threads },
      { includeThreads: false },
    )
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = runPdfTool(pdf)
    const fonts = runPdfTool(pdf, 'pdffonts')
    expect(fonts).toMatch(/DejaVuSerif/)
    expect(fonts).not.toMatch(/Helvetica|Times/)
    expect(text).toContain(fixtures.azerbaijaniNames)
    expect(text.replace(/\s+/g, ' ')).toContain(fixtures.azerbaijaniLetters)
    for (const word of ['ə', 'ğ', 'ı', 'İ', 'ş', 'ç', 'ö', 'ü']) expect(text).toContain(word)
    expect(text).toContain(fixtures.cyrillicTitle)
    expect(text).toContain(fixtures.cyrillicLetters)
    expect(text.replace(/\s+/g, ' ')).toContain(fixtures.hostileText)
    expect(text).toContain('Article 6')
    expect(text).toContain('Section 3. Security cooperation')
    expect(text).not.toContain('Appendix')
  })

  it('prints the draft header, page numbers and the snapshot footer on every page', async () => {
    const text = runPdfTool(await exportPdf({ doc: fixtures.richDoc(), meta: fixtures.meta }))
    const pages = text.split('\f').filter((page) => page.trim() !== '')
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, index) => {
      expect(page).toContain('DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC')
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(page).toContain(`SHA-256 ${fixtures.contentHash}`)
      expect(page).toContain('Snapshot “Round 3 — Baku” · 2025-03-14 09:30 UTC')
    })
  })

  it('sets the two signature blocks side by side, as the editor does', async () => {
    const pdf = await exportPdf({ doc: createCharterTemplate(), meta: fixtures.meta })
    const lines = runPdfTool(pdf, 'pdftotext', { layout: true }).split('\n')
    const signatories = lines.filter((line) => line.includes('For the Republic of Azerbaijan'))
    expect(signatories).toHaveLength(1)
    expect(signatories[0]).toMatch(/For the Republic of Azerbaijan\s{2,}For the United States of America/)
  })

  it('keeps only the safe link and appends threads on request', async () => {
    const pdf = await exportPdf(
      { doc: fixtures.richDoc(), meta: fixtures.meta, threads: fixtures.threads },
      { includeThreads: true },
    )
    const uris = [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1])
    expect(uris).toEqual(['https://example.org/charter?a=1&b=2'])
    const text = runPdfTool(pdf)
    expect(text).toContain('Appendix — Comment threads')
    expect(text).toContain('Ələkbərov (Azerbaijani delegation)')
    expect(text).toContain('[comment deleted]')
    expect(text).not.toContain('Secret')
  })
})

describe('exportPdf with negotiated text', () => {
  it('prints brackets, proposers, options, cross-references and the notes; text extracts in order', async () => {
    const pdf = await exportPdf({ doc: fixtures.negotiationDoc(), meta: fixtures.meta })
    const text = runPdfTool(pdf).replace(/\s+/g, ' ')
    // pdftotext reads the small raised proposer straight after its alternative.
    expect(text).toContain('The Parties [shallAZ / shouldUS] develop the Middle Corridor')
    expect(text).toContain(`${fixtures.azerbaijaniNames}Joint], subject to Article 5 and Article [?].`)
    expect(text).toContain('[Option 1 (AZ): Energy projects shall be financed jointly.]')
    expect(text).toContain('Financing follows Article 2.]')
    expect(text).toContain('Cooperation on [digitalUS] infrastructure.')
    expect(text).toContain('Notes on this text')
    expect(text).toContain('1 cross-reference points to an article that has been deleted')
    expect(text.indexOf('Notes on this text')).toBeLessThan(text.indexOf('Charter on Strategic Partnership'))
  })

  it('prints the clean view with its header on every page and no alternative text', async () => {
    const pdf = await exportPdf(
      { doc: fixtures.negotiationDoc(), meta: fixtures.meta },
      { includeThreads: false, view: 'clean' },
    )
    const raw = runPdfTool(pdf)
    const pages = raw.split('\f').filter((page) => page.trim() !== '')
    for (const page of pages)
      expect(page).toContain('DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC — CLEAN TEXT')
    const text = raw.replace(/\s+/g, ' ')
    expect(text).toContain(
      'The Parties […] develop the Middle Corridor […], subject to Article 5 and Article [?].',
    )
    expect(text).toContain('4 open brackets are collapsed')
    expect(text).not.toMatch(/should|Energy projects|Option/)
  })
})
