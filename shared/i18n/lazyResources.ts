import type { Language } from './Language.ts'
import { suggestionKeys as azSuggestionKeys } from './resources/az/suggestionKeys.ts'
import { suggestionKeys as enSuggestionKeys } from './resources/en/suggestionKeys.ts'
import type { Translation } from './resources/Translation.ts'

const en = { suggestionKeys: enSuggestionKeys }

/** Namespaces of the English source that the client adds when the chunk using them loads (useLazyTranslation). */
export type LazyResources = typeof en

export type LazyNamespace = keyof LazyResources

/**
 * Texts kept out of the initial bundle: only a lazily loaded chunk imports this module, so the first paint does
 * not carry them. createI18n does not load them; the server's exports do not need them.
 */
export const lazyResources: Record<Language, Translation<LazyResources>> = {
  en,
  az: { suggestionKeys: azSuggestionKeys },
}
