import 'i18next'
import type { LazyResources } from './lazyResources.ts'
import type { en } from './resources/en/index.ts'

// Typed keys: every `t('ns:key')` is checked against the English source.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof en & LazyResources
  }
}
