import type { en } from './en/index.ts'
import type { Translation } from './Translation.ts'

/** Every namespace and key of the English source; each language provides exactly these. */
export type Resources = Translation<typeof en>
