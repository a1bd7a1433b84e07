import i18next, { type i18n } from 'i18next'
import { type Language, languages } from './Language.ts'
import { namespaces } from './Namespace.ts'
import type { Resources } from './resources/Resources.ts'

/**
 * An i18next instance in `language` holding the given languages' resources, which may be none yet: the client
 * adds the active language's when its chunk has loaded (`client/i18n/loadLanguage.ts`). A separate instance per
 * caller, so a server rendering one export in Azerbaijani never changes another request's language.
 */
export function createI18nFrom(language: Language, resources: Partial<Record<Language, Resources>>): i18n {
  const instance = i18next.createInstance()
  void instance.init({
    lng: language,
    supportedLngs: [...languages],
    fallbackLng: false,
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    initAsync: false,
    // React escapes, and exports escape per format; i18next escaping would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
