import { describe, expect, it } from 'vitest'
import { meta, negotiationDoc, negotiationStatuses } from '../../../test/fixtures/export/exportFixtures.ts'
import type { ExportBlock } from './ExportBlock.ts'
import type { ExportInput } from './ExportInput.ts'
import { exportBlocks } from './exportBlocks.ts'
import { exportLabels } from './exportLabels.ts'
import { exportNotes } from './exportNotes.ts'

function headings(blocks: readonly ExportBlock[]) {
  return blocks.flatMap((block) =>
    block.kind === 'articleHeading' ? [[block.label, block.status?.label ?? null]] : [],
  )
}

describe('exportBlocks with clause statuses', () => {
  const labels = exportLabels(meta)

  it('labels each article that is not open, and only those', () => {
    const blocks = exportBlocks(
      { doc: negotiationDoc(), clauseStatuses: negotiationStatuses() },
      'markup',
      labels,
    )
    const found = headings(blocks)
    expect(found).toContainEqual(['Article 2', 'Reopened'])
    expect(found).toContainEqual(['Article 3', null])
    expect(found).toContainEqual(['Article 5', 'Agreed ad ref.'])
    // The hostile "__proto__" id names no article and touches nothing.
    expect(found.filter(([, status]) => status !== null)).toHaveLength(2)
    expect(exportNotes(blocks, 'markup', labels)[0]).toBe('Nothing is agreed until everything is agreed.')
  })

  it('labels in the clean view too, in the dashboard words of the export language', () => {
    const az = exportLabels({ ...meta, language: 'az' }, 'clean')
    const blocks = exportBlocks({ doc: negotiationDoc(), clauseStatuses: negotiationStatuses() }, 'clean', az)
    expect(headings(blocks)).toContainEqual(['Article 5', 'Ad ref. razılaşdırılıb'])
    expect(headings(blocks)).toContainEqual(['Article 2', 'Yenidən açılıb'])
    expect(exportNotes(blocks, 'clean', az)[0]).toBe(
      'Hər şey razılaşdırılmayana qədər heç nə razılaşdırılmış sayılmır.',
    )
  })

  it('prints no label and no caveat when every article is open or no statuses are given', () => {
    const cases: ExportInput['clauseStatuses'][] = [undefined, {}, { 'clause-security': 'open' }]
    for (const clauseStatuses of cases) {
      const blocks = exportBlocks({ doc: negotiationDoc(), clauseStatuses }, 'markup', labels)
      expect(headings(blocks).every(([, status]) => status === null)).toBe(true)
      expect(exportNotes(blocks, 'markup', labels)).not.toContain(labels.statusCaveat)
    }
  })
})
