import { describe, expect, it } from 'vitest'
import {
  negotiationDoc,
  redlineEditedDoc,
  templateAreas,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { areaChanges } from './areaChanges.ts'

describe('areaChanges', () => {
  it('counts inserted and deleted words per priority area, in document order', () => {
    const areas = areaChanges(templateDoc(), redlineEditedDoc())
    expect(areas.map((area) => area.area)).toEqual(templateAreas)
    const byArea = new Map(areas.map((area) => [area.area, area]))
    expect(byArea.get('connectivity')).toMatchObject({ title: 'Regional connectivity' })
    expect(byArea.get('connectivity')!.insertedWords).toBeGreaterThanOrEqual(10)
    expect(byArea.get('security')!.deletedWords).toBeGreaterThan(0)
    expect(byArea.get('security')!.insertedWords).toBe(0)
    expect(byArea.get('preamble')).toMatchObject({ insertedWords: 0, deletedWords: 0 })
  })

  it('counts words, not spaces or punctuation', () => {
    const doc = (text: string) => ({
      type: 'doc',
      content: [
        {
          type: 'charterSection',
          attrs: { area: 'final' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
        },
      ],
    })
    expect(areaChanges(doc('Signed in Baku.'), doc('Signed in Baku and Washington, 2025.'))).toEqual([
      {
        area: 'final',
        title: 'Final provisions',
        insertedWords: 3,
        deletedWords: 0,
        bracketsOpened: 0,
        bracketsCleaned: 0,
      },
    ])
  })

  it('counts brackets opened and cleaned per area, following each bracket by its id', () => {
    const base = templateDoc()
    const doc = negotiationDoc()
    const byArea = new Map(areaChanges(base, doc).map((area) => [area.area, area]))
    // Connectivity gains the modal and joint brackets and the paragraph-level choice; investment one.
    expect(byArea.get('connectivity')).toMatchObject({ bracketsOpened: 3, bracketsCleaned: 0 })
    expect(byArea.get('investment')).toMatchObject({ bracketsOpened: 1, bracketsCleaned: 0 })
    expect(byArea.get('security')).toMatchObject({ bracketsOpened: 0, bracketsCleaned: 0 })

    // Cleaning the modal bracket to "should" and moving the digital bracket to security.
    const cleaned = negotiationDoc()
    const sections = cleaned.content!
    const paragraphOf = (area: string) =>
      sections.find((node) => node.attrs?.area === area)!.content!.filter((node) => node.type === 'article')
    const article2 = paragraphOf('connectivity')[1]!.content![0]!
    article2.content![1] = { type: 'text', text: 'should' }
    const investment = paragraphOf('investment')[0]!
    const security = paragraphOf('security')[0]!
    security.content = investment.content
    investment.content = [{ type: 'paragraph', content: [{ type: 'text', text: 'Agreed.' }] }]
    const after = new Map(areaChanges(doc, cleaned).map((area) => [area.area, area]))
    expect(after.get('connectivity')).toMatchObject({ bracketsOpened: 0, bracketsCleaned: 1 })
    expect(after.get('investment')).toMatchObject({ bracketsOpened: 0, bracketsCleaned: 0 })
    expect(after.get('security')).toMatchObject({ bracketsOpened: 0, bracketsCleaned: 0 })
  })
})
