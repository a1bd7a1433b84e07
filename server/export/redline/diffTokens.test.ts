import { describe, expect, it } from 'vitest'
import { diffTokens } from './diffTokens.ts'
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

  it('falls back to replace-all for huge, wholly different inputs instead of diffing at length', () => {
    const before = Array.from({ length: 5000 }, (_, index) => `a${index}`)
    const after = Array.from({ length: 5000 }, (_, index) => `b${index}`)
    const parts = diffTokens(before, after)
    expect(parts.map((part) => part.op)).toEqual(['delete', 'insert'])
  })
})
