import { describe, expect, it } from 'vitest'
import { expectSafeHtml } from '../../../test/fixtures/export/expectSafeHtml.ts'
import { meta, negotiationDoc, negotiationStatuses } from '../../../test/fixtures/export/exportFixtures.ts'
import { parseMarkup } from '../../../test/fixtures/export/parseMarkup.ts'
import { exportHtml } from './exportHtml.ts'

describe('exportHtml with clause statuses', () => {
  const page = (language: 'en' | 'az' = 'en', withStatuses = true) =>
    exportHtml(
      {
        doc: negotiationDoc(),
        meta: { ...meta, language },
        clauseStatuses: withStatuses ? negotiationStatuses() : undefined,
      },
      { includeThreads: false },
    )

  it('labels each agreed or reopened article next to its number and puts the caveat in the notes', () => {
    const html = page()
    expectSafeHtml(html)
    const root = parseMarkup(html)
    const heading = (label: string) =>
      root.findAll('h3').find((h3) => h3.classes.includes('article-number') && h3.text.startsWith(label))!
    expect(heading('Article 5').text).toBe('Article 5 Agreed ad ref.')
    expect(heading('Article 5').find('span')?.classes).toEqual(['clause-status', 's-agreedAdRef'])
    expect(heading('Article 2').text).toBe('Article 2 Reopened')
    expect(heading('Article 3').text).toBe('Article 3')
    const notes = root.find((element) => element.classes.includes('notes'))!
    expect(notes.findAll('p').map((p) => p.text)[1]).toBe('Nothing is agreed until everything is agreed.')
  })

  it('uses the dashboard words in Azerbaijani', () => {
    const root = parseMarkup(page('az'))
    expect(root.findAll('h3').map((h3) => h3.text)).toContain('Article 5 Ad ref. razılaşdırılıb')
    expect(root.find((element) => element.classes.includes('notes'))!.text).toContain(
      'Hər şey razılaşdırılmayana qədər heç nə razılaşdırılmış sayılmır.',
    )
  })

  it('prints neither label nor caveat without statuses', () => {
    const html = page('en', false)
    expect(html).not.toContain('class="clause-status')
    expect(html).not.toContain('Nothing is agreed until everything is agreed.')
  })
})
