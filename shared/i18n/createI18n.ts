import i18next, { type i18n } from 'i18next'
import { type Language, languages } from './Language.ts'
import { namespaces } from './Namespace.ts'
import { resources } from './resources.ts'

/**
 * An i18next instance with every resource loaded synchronously, for the server and tests; a separate instance per
 * caller, so a server rendering one export in Azerbaijani never changes another request's language. The client
 * uses its own `Translator` on the same resources (`client/i18n/Translator.ts`).
 */
export function createI18n(language: Language): i18n {
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
