import { createContext } from 'react'
import type { Translator } from './Translator.ts'

/** The page's one translator, given by `client/main.tsx` (and to the update prompt's own root). */
export const TranslatorContext = createContext<Translator | null>(null)
