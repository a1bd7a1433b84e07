import { describe, expect, it } from 'vitest'
import { meta, negotiationDoc, negotiationStatuses } from '../../../test/fixtures/export/exportFixtures.ts'
import { readDocx } from '../../../test/fixtures/export/readDocx.ts'
import { exportDocx } from './exportDocx.ts'

describe('exportDocx with clause statuses', () => {
  const read = async (language: 'en' | 'az', withStatuses = true) =>
    readDocx(
      await exportDocx({
        doc: negotiationDoc(),
        meta: { ...meta, language },
        clauseStatuses: withStatuses ? negotiationStatuses() : undefined,
      }),
    )

  it('sets the status as a small italic run in the article heading and boxes the caveat with the notes', async () => {
    const { body } = await read('en')
    const heading = body.find((paragraph) => paragraph.text.startsWith('Article 5'))!
    expect(heading.style).toBe('Heading2')
    expect(heading.text.replace(/\s+/g, ' ')).toBe('Article 5 Agreed ad ref.')
    expect(heading.runs[1]?.properties).toEqual(expect.arrayContaining(['w:i', 'w:color', 'w:sz']))
    expect(body.find((paragraph) => paragraph.text.startsWith('Article 2'))!.text).toMatch(/Reopened$/)
    expect(body.find((paragraph) => paragraph.text.startsWith('Article 3'))!.text).toBe('Article 3')
    expect(body[0]?.text).toBe('Notes on this text')
    expect(body[1]?.text).toBe('Nothing is agreed until everything is agreed.')
  })

  it('uses the dashboard words in Azerbaijani', async () => {
    const texts = (await read('az')).body.map((paragraph) => paragraph.text.replace(/\s+/g, ' '))
    expect(texts).toContain('Article 5 Ad ref. razılaşdırılıb')
    expect(texts).toContain('Hər şey razılaşdırılmayana qədər heç nə razılaşdırılmış sayılmır.')
  })

  it('prints neither label nor caveat without statuses', async () => {
    const texts = (await read('en', false)).body.map((paragraph) => paragraph.text)
    expect(texts).toContain('Article 5')
    expect(texts.join('\n')).not.toMatch(/Agreed ad ref\.|Nothing is agreed/)
  })
})
