import { describe, expect, it } from 'vitest'
import { meta, negotiationDoc, negotiationStatuses } from '../../../test/fixtures/export/exportFixtures.ts'
import { runPdfTool } from '../../../test/fixtures/export/runPdfTool.ts'
import { exportPdf } from './exportPdf.ts'

describe('exportPdf with clause statuses', () => {
  const text = async (language: 'en' | 'az', withStatuses = true) =>
    runPdfTool(
      await exportPdf({
        doc: negotiationDoc(),
        meta: { ...meta, language },
        clauseStatuses: withStatuses ? negotiationStatuses() : undefined,
      }),
    ).replace(/\s+/g, ' ')

  it('prints the status on the line of each agreed or reopened article number, and the caveat in the notes', async () => {
    const extracted = await text('en')
    expect(extracted).toContain('Article 5 Agreed ad ref.')
    expect(extracted).toContain('Article 2 Reopened')
    expect(extracted).not.toMatch(/Article 3 (Agreed|Reopened|Initialled)/)
    const caveat = extracted.indexOf('Nothing is agreed until everything is agreed.')
    expect(caveat).toBeGreaterThan(extracted.indexOf('Notes on this text'))
    expect(caveat).toBeLessThan(extracted.indexOf('Article 1'))
  })

  it('uses the dashboard words in Azerbaijani', async () => {
    const extracted = await text('az')
    expect(extracted).toContain('Article 5 Ad ref. razılaşdırılıb')
    expect(extracted).toContain('Hər şey razılaşdırılmayana qədər heç nə razılaşdırılmış sayılmır.')
  })

  it('prints neither label nor caveat without statuses', async () => {
    expect(await text('en', false)).not.toMatch(/Agreed ad ref\.|Nothing is agreed/)
  })
})
