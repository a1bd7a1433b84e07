import { describe, expect, it } from 'vitest'
import { wordTokens } from './wordTokens.ts'

describe('wordTokens', () => {
  it('splits Azerbaijani and Cyrillic words as words', () => {
    expect(wordTokens('Şəkərbəyli, партнёрстве.')).toEqual(['Şəkərbəyli', ',', ' ', 'партнёрстве', '.'])
  })

  it('keeps every character, so joined tokens give back the text', () => {
    const text = 'Article 4 (a): the Parties — “shall” consult.  Twice'
    expect(wordTokens(text).join('')).toBe(text)
  })
})
