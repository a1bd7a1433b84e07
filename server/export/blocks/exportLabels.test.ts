import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../markdown/exportMarkdown.ts'
import { exportLabels } from './exportLabels.ts'

const meta = {
  title: 'Xartiya',
  snapshotName: 'Round 3 — Baku',
  date: '2025-03-14T09:30:00Z',
  contentHash: 'a'.repeat(64),
  documentName: 'charter',
}

describe('exportLabels', () => {
  it('prints English labels unless another language is asked for', () => {
    const labels = exportLabels(meta)
    expect(labels.header).toBe('DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC')
    expect(labels.pageOf(2, 9)).toBe('Page 2 of 9')
  })

  it('prints Azerbaijani labels and dates for an Azerbaijani export', () => {
    const labels = exportLabels({ ...meta, language: 'az' })
    expect(labels.header).toBe('LAYİHƏ — Round 3 — Baku — 14 mart 2025, 09:30 UTC')
    expect(labels.pageOf(2, 9)).toBe('Səhifə 2 / 9')
    expect(labels.appendixTitle).toBe('Əlavə — Şərh müzakirələri')
    expect(labels.redlineHeader).toBe('DÜZƏLİŞLİ MƏTN — LAYİHƏ — Round 3 — Baku — 14 mart 2025, 09:30 UTC')
    expect(labels.redlineCounts(2, 5, 1)).toEqual([
      '2 dəyişmiş blok; 5 söz əlavə edilib (',
      '), 1 söz silinib (',
      ').',
    ])
  })

  it('writes the appendix in the export’s language, leaving the text itself alone', () => {
    const markdown = exportMarkdown(
      {
        doc: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Draft text' }] }],
        },
        meta: { ...meta, language: 'az' },
        threads: [
          {
            area: 'connectivity',
            resolved: false,
            comments: [
              { author: 'Leyla', delegation: 'AZ', createdAt: '2025-02-08T08:00:00Z', text: 'Agree' },
            ],
          },
        ],
      },
      { includeThreads: true },
    )
    expect(markdown).toContain('## Əlavə — Şərh müzakirələri')
    expect(markdown).toContain('### Müzakirə 1 — Regional əlaqələndirmə — Açıq')
    expect(markdown).toContain('**Leyla (Azərbaycan nümayəndə heyəti)**, 8 fevral 2025, 08:00 UTC: Agree')
    expect(markdown).toContain('Draft text')
  })
})
