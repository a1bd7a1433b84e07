import type { i18n } from 'i18next'
import { createI18nFrom } from './createI18nFrom.ts'
import type { Language } from './Language.ts'
import { resources } from './resources.ts'

/** An i18next instance with every language's resources loaded synchronously, as the server and tests use it. */
export function createI18n(language: Language): i18n {
  return createI18nFrom(language, resources)
}
