import { useTranslation } from 'react-i18next'
import { languages } from '../../shared/i18n/Language.ts'
import { type LazyNamespace, lazyResources } from '../../shared/i18n/lazyResources.ts'

/** useTranslation for a namespace that loads with the chunk calling it (added to i18next on first use). */
export function useLazyTranslation<Namespace extends LazyNamespace>(namespace: Namespace) {
  const { i18n } = useTranslation()
  for (const language of languages)
    if (!i18n.hasResourceBundle(language, namespace))
      i18n.addResourceBundle(language, namespace, lazyResources[language][namespace])
  return useTranslation(namespace)
}
