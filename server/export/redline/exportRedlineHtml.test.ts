import { describe, expect, it } from 'vitest'
import { expectSafeHtml } from '../../../test/fixtures/export/expectSafeHtml.ts'
import {
  contentHash,
  meta,
  redlineEditedDoc,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { diffTokens } from './diffTokens.ts'
import { exportRedlineHtml } from './exportRedlineHtml.ts'
import { wordTokens } from './wordTokens.ts'

describe('diffTokens', () => {
  it('finds word-level insertions and deletions', () => {
    const parts = diffTokens(wordTokens('the quick brown fox'), wordTokens('the slow brown dog fox'))
    expect(parts.map((part) => [part.op, part.tokens.join('')])).toEqual([
      ['equal', 'the '],
      ['delete', 'quick'],
      ['insert', 'slow'],
      ['equal', ' brown'],
      ['insert', ' dog'],
      ['equal', ' fox'],
    ])
  })

  it('shows a rewritten sentence as one deletion and one insertion, not word by word', () => {
    const parts = diffTokens(
      wordTokens('to be proposed by the Parties.'),
      wordTokens('shall develop the Corridor.'),
    )
    expect(parts.map((part) => [part.op, part.tokens.join('')])).toEqual([
      ['delete', 'to be proposed by the Parties'],
      ['insert', 'shall develop the Corridor'],
      ['equal', '.'],
    ])
  })

  it('splits Azerbaijani and Cyrillic words as words', () => {
    expect(wordTokens('Şəkərbəyli, партнёрстве.')).toEqual(['Şəkərbəyli', ',', ' ', 'партнёрстве', '.'])
  })

  it('falls back to replace-all for huge inputs instead of allocating a huge table', () => {
    const before = Array.from({ length: 5000 }, (_, index) => `a${index}`)
    const after = Array.from({ length: 5000 }, (_, index) => `b${index}`)
    const parts = diffTokens(before, after)
    expect(parts.map((part) => part.op)).toEqual(['delete', 'insert'])
  })
})

describe('exportRedlineHtml', () => {
  const html = exportRedlineHtml({
    baseDoc: templateDoc(),
    doc: redlineEditedDoc(),
    baseMeta: { ...meta, snapshotName: 'Round 2', contentHash: 'b'.repeat(64) },
    meta,
  })

  it('marks inserted words underlined and deleted words struck through', () => {
    expect(html).toContain('<ins>')
    expect(html).toContain('<del>')
    expect(html).toMatch(/ins \{[^}]*underline/)
    expect(html).toMatch(/del \{[^}]*line-through/)
    expect(html).toContain('Middle Corridor')
    expect(html).toMatch(/<del>[^<]*Placeholder/)
    expect(html).toContain('REDLINE — DRAFT — Round 3 — Baku')
    expect(html).toContain('“Round 2”')
    expect(html).toContain(contentHash)
    expect(html).toContain('b'.repeat(64))
  })

  it('shows a whole inserted and a whole deleted article', () => {
    expect(html).toMatch(/<p class="rl-inserted"><ins>Brand new article &lt;img/)
    expect(html).toMatch(/<p class="rl-deleted"><del>\[Placeholder: provisions on security cooperation/)
  })

  it('leaves unchanged text unmarked and stays safe', () => {
    expect(html).toContain('<h2>Preamble</h2>')
    expectSafeHtml(html.replace(/\[x\]\(javascript:alert\(3\)\)/, ''))
  })
})
