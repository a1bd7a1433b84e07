import { describe, expect, it } from 'vitest'
import { redlineEditedDoc, templateAreas, templateDoc } from '../../../test/fixtures/export/exportFixtures.ts'
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
      { area: 'final', title: 'Final provisions', insertedWords: 3, deletedWords: 0 },
    ])
  })
})
