import { describe, expect, it } from 'vitest'
import { pickLanguage } from './pickLanguage.ts'

describe('pickLanguage', () => {
  it('picks Azerbaijani when the browser prefers it', () => {
    expect(pickLanguage('az-AZ,az;q=0.9,en;q=0.8')).toBe('az')
    expect(pickLanguage('ru;q=0.9, az;q=0.8, en;q=0.5')).toBe('az')
  })

  it('picks English when English is preferred, nothing is said, or neither is offered', () => {
    expect(pickLanguage('en-US,en;q=0.9,az;q=0.8')).toBe('en')
    expect(pickLanguage(undefined)).toBe('en')
    expect(pickLanguage('fr-FR,de;q=0.5')).toBe('en')
    expect(pickLanguage('az;q=0, en;q=0.1')).toBe('en')
  })
})
