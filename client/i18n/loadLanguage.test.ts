import { describe, expect, it } from 'vitest'
import { resources } from '../../shared/i18n/resources.ts'
import { hasStrings, loadLanguage } from './loadLanguage.ts'
import { Translator } from './Translator.ts'

describe('loadLanguage', () => {
  it('shows the language asked for last when an earlier request finishes after it', async () => {
    const translator = new Translator('en')
    // The account's language is here already (switched to before); the browser's still has to load.
    translator.addResources('az', resources.az)
    const browserLanguage = loadLanguage(translator, 'en')
    await loadLanguage(translator, 'az')
    await browserLanguage
    expect(translator.language).toBe('az')
    expect(hasStrings(translator)).toBe(true)
  })

  it('shows nothing until the strings of the first language arrive, then them', async () => {
    const translator = new Translator('en')
    expect(hasStrings(translator)).toBe(false)
    await loadLanguage(translator, 'en')
    expect(translator.fixedT('common')('loading')).toBe(resources.en.common.loading)
  })
})
