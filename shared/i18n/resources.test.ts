import { describe, expect, it } from 'vitest'
import { type Language, languages } from './Language.ts'
import { lazyResources } from './lazyResources.ts'
import { namespaces as eagerNamespaces, resources as eagerResources } from './resources.ts'

// Lazily loaded namespaces follow the same rules as the ones in the initial bundle.
const namespaces = [
  ...eagerNamespaces,
  ...(Object.keys(lazyResources.en) as (keyof typeof lazyResources.en)[]),
]
const resources = {
  en: { ...eagerResources.en, ...lazyResources.en },
  az: { ...eagerResources.az, ...lazyResources.az },
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const keys = new Map<string, unknown>()
  if (typeof value !== 'object' || value === null) return keys
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof child === 'object' && child !== null)
      for (const entry of flatten(child, path)) keys.set(...entry)
    else keys.set(path, child)
  }
  return keys
}

/** Plural keys by their base (`sync.offlinePending`), with the categories present. */
function pluralGroups(keys: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const key of keys) {
    const match = pluralSuffix.exec(key)
    if (!match) continue
    const base = key.slice(0, match.index)
    groups.set(base, [...(groups.get(base) ?? []), match[1]!].sort())
  }
  return groups
}

function baseKeys(keys: Iterable<string>): string[] {
  return [...new Set([...keys].map((key) => key.replace(pluralSuffix, '')))].sort()
}

describe('translation resources', () => {
  it('have the same namespaces in every language', () => {
    for (const language of languages)
      expect(Object.keys(resources[language]).sort()).toEqual([...namespaces].sort())
  })

  for (const namespace of namespaces) {
    it(`give Azerbaijani every key of English in ${namespace}, and no other`, () => {
      const english = baseKeys(flatten(resources.en[namespace]).keys())
      const azerbaijani = baseKeys(flatten(resources.az[namespace]).keys())
      expect(azerbaijani.filter((key) => !english.includes(key))).toEqual([])
      expect(english.filter((key) => !azerbaijani.includes(key))).toEqual([])
    })

    it(`use exactly the CLDR plural categories of each language in ${namespace}`, () => {
      for (const language of languages as readonly Language[]) {
        const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort()
        for (const [base, present] of pluralGroups(flatten(resources[language][namespace]).keys())) {
          expect({ language, key: base, categories: present }).toEqual({ language, key: base, categories })
        }
      }
    })

    it(`has no empty text in ${namespace}`, () => {
      for (const language of languages) {
        for (const [key, text] of flatten(resources[language][namespace])) {
          expect({ language, key, empty: typeof text !== 'string' || text.trim() === '' }).toEqual({
            language,
            key,
            empty: false,
          })
        }
      }
    })
  }

  it('keep the placeholders of English in every translation', () => {
    for (const namespace of namespaces) {
      const english = flatten(resources.en[namespace])
      for (const [key, text] of flatten(resources.az[namespace])) {
        const placeholders = (value: unknown) =>
          [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english.get(key)),
        })
      }
    }
  })
})
