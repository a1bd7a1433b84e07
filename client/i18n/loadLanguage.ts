import type { i18n } from 'i18next'
import type { Language } from '../../shared/i18n/index.ts'
import { namespaces } from '../../shared/i18n/Namespace.ts'
import type { Resources } from '../../shared/i18n/resources/Resources.ts'

// One chunk per language: a page holds only the strings of the language it shows (issue 16).
const loaders: Record<Language, () => Promise<Resources>> = {
  az: () => import('../../shared/i18n/resources/az/index.ts').then((module) => module.az),
  en: () => import('../../shared/i18n/resources/en/index.ts').then((module) => module.en),
}

/** Switches `i18n` to `language`, fetching its strings first if this page has not shown it yet. */
export async function loadLanguage(i18n: i18n, language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'common')) {
    const resources = await loaders[language]()
    for (const namespace of namespaces) i18n.addResourceBundle(language, namespace, resources[namespace])
  }
  await i18n.changeLanguage(language)
}

/** Whether the strings of the language `i18n` is in have arrived. */
export function hasStrings(i18n: i18n): boolean {
  return i18n.hasResourceBundle(i18n.language, 'common')
}
