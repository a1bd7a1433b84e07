import type { TFunction } from 'i18next'
import { use, useMemo, useSyncExternalStore } from 'react'
import type { Namespace } from '../../shared/i18n/Namespace.ts'
import type { Translator } from './Translator.ts'
import { TranslatorContext } from './TranslatorContext.ts'

/**
 * The strings of one namespace (`common` unless named) in the page's language; the component renders again, with
 * a new `t`, when the language changes. Same call shape as react-i18next's hook.
 */
export function useTranslation<Ns extends Namespace = 'common'>(
  namespace?: Ns,
): { t: TFunction<Ns>; i18n: Translator } {
  const translator = use(TranslatorContext)
  if (!translator) throw new Error('useTranslation needs a TranslatorContext above it')
  const revision = useSyncExternalStore(
    (changed) => translator.onLanguageChanged(changed),
    () => translator.revision,
  )
  const resolved = (namespace ?? 'common') as Ns
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language must give a new `t`
  const t = useMemo(() => translator.fixedT(resolved), [translator, resolved, revision])
  return { t, i18n: translator }
}
