import { describe, expect, it } from 'vitest'
import { createI18n } from '../../shared/i18n/createI18n.ts'
import { languages } from '../../shared/i18n/Language.ts'
import { namespaces } from '../../shared/i18n/Namespace.ts'
import { resources } from '../../shared/i18n/resources.ts'
import { Translator } from './Translator.ts'

/** Every leaf key of a namespace, with plural suffixes folded into the key they belong to. */
function keysOf(node: unknown, prefix = ''): { key: string; text: string }[] {
  if (typeof node === 'string') return [{ key: prefix.replace(/_(?:one|other)$/, ''), text: node }]
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([field, child]) =>
    keysOf(child, prefix ? `${prefix}.${field}` : field),
  )
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((match) => match[1]!)
}

function translatorIn(language: (typeof languages)[number]): Translator {
  const translator = new Translator(language)
  translator.addResources(language, resources[language])
  return translator
}

describe('Translator', () => {
  for (const language of languages) {
    it(`gives the same text as i18next for every ${language} key, with values and counts`, () => {
      const i18next = createI18n(language)
      const translator = translatorIn(language)
      let compared = 0
      for (const namespace of namespaces) {
        const t = translator.fixedT(namespace)
        for (const { key, text } of keysOf(resources[language][namespace])) {
          const values = Object.fromEntries(placeholders(text).map((name) => [name, `«${name}»`]))
          for (const count of [undefined, 0, 1, 2, 5, 21]) {
            const options = count === undefined ? values : { ...values, count }
            const expected = i18next.t(key, { ns: namespace, ...options } as never)
            expect([namespace, key, count, t(key as never, options as never)]).toEqual([
              namespace,
              key,
              count,
              expected,
            ])
            compared++
          }
        }
      }
      expect(compared).toBeGreaterThan(1000)
    })
  }

  it('reads `ns:key`, an `ns` option and missing values as i18next does', () => {
    const i18next = createI18n('en')
    const t = translatorIn('en').fixedT('common')
    for (const [key, options] of [
      ['export:currentDraft', {}],
      ['readOnly.reviewer', {}],
      ['panel.title', { ns: 'suggestions' }],
      ['cannotReachServer', {}],
      ['no.such.key', {}],
    ] as const) {
      expect(t(key as never, options as never)).toBe(i18next.t(key as never, options as never))
    }
  })

  it('knows which keys exist and tells listeners of a language change', () => {
    const translator = translatorIn('en')
    expect(translator.exists('admin:title')).toBe(createI18n('en').exists('admin:title'))
    expect(translator.exists('admin:no.such.key')).toBe(false)
    const heard: string[] = []
    const stop = translator.onLanguageChanged((language) => heard.push(language))
    translator.addResources('az', resources.az)
    translator.changeLanguage('az')
    stop()
    translator.changeLanguage('en')
    expect(heard).toEqual(['az'])
    // Strings arriving for the language already shown must render again too (client/main.tsx's first load).
    const before = translator.revision
    translator.changeLanguage('en')
    expect(translator.revision).toBeGreaterThan(before)
    expect(translator.fixedT('common')('loading')).toBe(resources.en.common.loading)
  })
})
