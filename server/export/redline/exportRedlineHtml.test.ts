import { describe, expect, it } from 'vitest'
import { expectSafeHtml } from '../../../test/fixtures/export/expectSafeHtml.ts'
import {
  bracketRounds,
  contentHash,
  meta,
  redlineEditedDoc,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import type { MarkupElement } from '../../../test/fixtures/export/MarkupElement.ts'
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

describe('exportRedlineHtml with brackets', () => {
  const rounds = bracketRounds()
  const redline = (from: number, to: number) =>
    expectSafeHtml(
      exportRedlineHtml({
        baseDoc: rounds[from]!,
        doc: rounds[to]!,
        baseMeta: { ...meta, snapshotName: `Round ${from}` },
        meta: { ...meta, snapshotName: `Round ${to}` },
      }),
    )
  /** The changed paragraph with insertions as {+…+}, deletions as {-…-} and superscripts as ^…. */
  const marked = (page: MarkupElement) => {
    const paragraph = page
      .find('main')!
      .findAll('p')
      .find((p) => p.text.startsWith('The Parties'))!
    const walk = (element: MarkupElement): string =>
      element.children
        .map((child) => {
          if (typeof child === 'string') return child
          const inner = walk(child)
          if (child.name === 'ins') return `{+${inner}+}`
          if (child.name === 'del') return `{-${inner}-}`
          if (child.name === 'sup') return `^${inner}`
          return inner
        })
        .join('')
    return walk(paragraph)
  }

  it('shows a bracket opened, an alternative added and withdrawn, and a bracket cleaned, in the notation', () => {
    expect(marked(redline(0, 1))).toBe('The Parties {+[+}shall{+^AZ+}{+]+} develop the Corridor.')
    expect(marked(redline(1, 2))).toBe('The Parties [shall^AZ{+ / should+}{+^US+}] develop the Corridor.')
    expect(marked(redline(2, 3))).toBe('The Parties [shall^AZ{- / should-}{-^US-}] develop the Corridor.')
    expect(marked(redline(4, 5))).toBe(
      'The Parties {-[shall-}{-^AZ-}{- / -}should{-^US-}{-]-} develop the Corridor.',
    )
  })

  it('counts brackets opened and cleaned in the summary', () => {
    const summary = (page: MarkupElement) =>
      page.find((element) => element.classes.includes('rl-summary'))!.text
    expect(summary(redline(0, 1))).toContain('Brackets: 1 opened, 0 cleaned.')
    expect(summary(redline(1, 2))).toContain('Brackets: 0 opened, 0 cleaned.')
    expect(summary(redline(4, 5))).toContain('Brackets: 0 opened, 1 cleaned.')
  })
})
