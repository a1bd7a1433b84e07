import type { Language } from './Language.ts'
import { az } from './resources/az/index.ts'
import { en } from './resources/en/index.ts'
import type { Resources } from './resources/Resources.ts'

export const namespaces = [
  'common',
  'editor',
  'comments',
  'history',
  'admin',
  'auth',
  'errors',
  'export',
  'cleaning',
  'dashboard',
  'suggestions',
] as const

export type Namespace = (typeof namespaces)[number]

export const resources: Record<Language, Resources> = { en, az }
