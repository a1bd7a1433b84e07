import type { Language } from '../../shared/i18n/index.ts'
import type { Resources } from '../../shared/i18n/resources/Resources.ts'
import type { Translator } from './Translator.ts'

// One chunk per language: a page holds only the strings of the language it shows (issue 16).
const loaders: Record<Language, () => Promise<Resources>> = {
  az: () => import('../../shared/i18n/resources/az/index.ts').then((module) => module.az),
  en: () => import('../../shared/i18n/resources/en/index.ts').then((module) => module.en),
}

/** The language asked for last, per translator: a slower chunk must not switch back to an earlier choice. */
const requested = new WeakMap<Translator, Language>()

/**
 * Switches the translator to `language`, fetching its strings first if this page has not shown it yet. When
 * requests overlap (the browser's language at start, then the account's from the session), the last one wins.
 */
export async function loadLanguage(translator: Translator, language: Language): Promise<void> {
  requested.set(translator, language)
  if (!translator.hasResourceBundle(language, 'common')) {
    translator.addResources(language, await loaders[language]())
  }
  if (requested.get(translator) === language) translator.changeLanguage(language)
}

/** Whether the strings of the language the translator is in have arrived. */
export function hasStrings(translator: Translator): boolean {
  return translator.hasResourceBundle(translator.language, 'common')
}
