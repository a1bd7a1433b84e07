/** The languages of the interface and of export labels. */
export const languages = ['az', 'en'] as const

export type Language = (typeof languages)[number]

/** The language used when nothing else decides. */
export const defaultLanguage: Language = 'en'

/** Each language's name in itself, for the language switch. */
export const languageEndonyms: Record<Language, string> = { az: 'Azərbaycanca', en: 'English' }

export function isLanguage(value: unknown): value is Language {
  return value === 'az' || value === 'en'
}
