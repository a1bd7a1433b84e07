import { describe, expect, it } from 'vitest'
import { expectSafeHtml } from '../../../test/fixtures/export/expectSafeHtml.ts'
import {
  contentHash,
  meta,
  redlineEditedDoc,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { exportRedlineHtml } from './exportRedlineHtml.ts'

describe('exportRedlineHtml', () => {
  const page = expectSafeHtml(
    exportRedlineHtml({
      baseDoc: templateDoc(),
      doc: redlineEditedDoc(),
      baseMeta: { ...meta, snapshotName: 'Round 2', contentHash: 'b'.repeat(64) },
      meta,
    }),
  )
  const main = page.find('main')!

  it('marks inserted words underlined and deleted words struck through', () => {
    const css = page.find('style')!.text
    expect(css).toMatch(/ins \{[^}]*underline/)
    expect(css).toMatch(/del \{[^}]*line-through/)
    expect(main.findAll('ins').some((ins) => ins.text.includes('Middle Corridor'))).toBe(true)
    expect(main.findAll('del').some((del) => del.text.includes('Placeholder'))).toBe(true)
  })

  it('heads the page with the redline header and a summary naming both versions and hashes', () => {
    expect(page.find('header')?.text).toBe('REDLINE — DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC')
    const summary = page.find((element) => element.classes.includes('rl-summary'))!.text
    expect(summary).toContain('“Round 3 — Baku”')
    expect(summary).toContain('“Round 2”')
    expect(summary).toContain('b'.repeat(64))
    expect(summary).toMatch(/\d+ changed blocks; \d+ words inserted/)
    expect(page.find('footer')?.text).toContain(contentHash)
  })

  it('shows a whole inserted and a whole deleted article', () => {
    const inserted = main.findAll((element) => element.classes.includes('rl-inserted'))
    const deleted = main.findAll((element) => element.classes.includes('rl-deleted'))
    expect(inserted.map((block) => [block.name, block.elements.map((child) => child.name)])).toContainEqual([
      'p',
      ['ins'],
    ])
    expect(inserted.some((block) => block.text.startsWith('Brand new article <img src=x'))).toBe(true)
    expect(
      deleted.some((block) => block.text.startsWith('[Placeholder: provisions on security cooperation')),
    ).toBe(true)
    expect(deleted.every((block) => block.elements.every((child) => child.name === 'del'))).toBe(true)
  })

  it('leaves unchanged text unmarked', () => {
    const preamble = main.findAll('h2').find((heading) => heading.text === 'Preamble')!
    expect(preamble.elements).toEqual([])
    expect(preamble.classes).toEqual([])
  })
})
