import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
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
import { exportPdf } from './exportPdf.ts'

const dir = mkdtempSync(join(tmpdir(), 'charter-pdf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function pdfToText(pdf: Buffer, name: string): string {
  const path = join(dir, `${name}.pdf`)
  writeFileSync(path, pdf)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
}

describe('exportPdf', () => {
  it('embeds fonts so Azerbaijani and Cyrillic text extracts exactly', async () => {
    const pdf = await exportPdf({ doc: richDoc(), meta, threads }, { includeThreads: false })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdfToText(pdf, 'plain')
    const fonts = execFileSync('pdffonts', [join(dir, 'plain.pdf')], { encoding: 'utf8' })
    expect(fonts).toMatch(/DejaVuSerif/)
    expect(fonts).not.toMatch(/Helvetica|Times/)
    expect(text).toContain(azerbaijaniNames)
    expect(text.replace(/\s+/g, ' ')).toContain(azerbaijaniLetters)
    for (const word of ['ə', 'ğ', 'ı', 'İ', 'ş', 'ç', 'ö', 'ü']) expect(text).toContain(word)
    expect(text).toContain(cyrillicTitle)
    expect(text).toContain(cyrillicLetters)
    expect(text).toContain('<img src=x onerror=alert(1)>')
    expect(text).toContain('Article 6')
    expect(text).toContain('Section 3. Security cooperation')
    expect(text).not.toContain('Appendix')
  })

  it('prints the draft header, page numbers and the snapshot footer on every page', async () => {
    const text = pdfToText(await exportPdf({ doc: richDoc(), meta }), 'furniture')
    const pages = text.split('\f').filter((page) => page.trim() !== '')
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, index) => {
      expect(page).toContain('DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC')
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(page).toContain(`SHA-256 ${contentHash}`)
      expect(page).toContain('Snapshot “Round 3 — Baku” · 2025-03-14 09:30 UTC')
    })
  })

  it('keeps only the safe link and appends threads on request', async () => {
    const pdf = await exportPdf({ doc: richDoc(), meta, threads }, { includeThreads: true })
    const uris = [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1])
    expect(uris).toEqual(['https://example.org/charter?a=1&b=2'])
    const text = pdfToText(pdf, 'threads')
    expect(text).toContain('Appendix — Comment threads')
    expect(text).toContain('Ələkbərov (Azerbaijani delegation)')
    expect(text).toContain('[comment deleted]')
    expect(text).not.toContain('Secret')
  })
})
