import type { Language } from './Language.ts'
import { az } from './resources/az/index.ts'
import { en } from './resources/en/index.ts'
import type { Resources } from './resources/Resources.ts'

export { type Namespace, namespaces } from './Namespace.ts'

export const resources: Record<Language, Resources> = { en, az }
