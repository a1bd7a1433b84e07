import { describe, expect, it } from 'vitest'
import { meta, negotiationDoc, negotiationStatuses } from '../../../test/fixtures/export/exportFixtures.ts'
import { exportMarkdown } from './exportMarkdown.ts'

describe('exportMarkdown with clause statuses', () => {
  const markdown = (language: 'en' | 'az', withStatuses = true) =>
    exportMarkdown({
      doc: negotiationDoc(),
      meta: { ...meta, language },
      clauseStatuses: withStatuses ? negotiationStatuses() : undefined,
    })

  it('follows the number of each agreed or reopened article with its status, and notes the caveat', () => {
    const lines = markdown('en').split('\n')
    expect(lines).toContain('### Article 5 — *Agreed ad ref.*')
    expect(lines).toContain('### Article 2 — *Reopened*')
    expect(lines).toContain('### Article 3')
    const notes = lines.slice(0, lines.indexOf('### Article 1'))
    expect(notes).toContain('> Nothing is agreed until everything is agreed.')
  })

  it('uses the dashboard words in Azerbaijani', () => {
    const text = markdown('az')
    expect(text).toContain('### Article 5 — *Ad ref. razılaşdırılıb*')
    expect(text).toContain('> Hər şey razılaşdırılmayana qədər heç nə razılaşdırılmış sayılmır.')
  })

  it('prints neither label nor caveat without statuses', () => {
    const text = markdown('en', false)
    expect(text).toContain('### Article 5\n')
    expect(text).not.toMatch(/Agreed ad ref\.|Nothing is agreed/)
  })
})
