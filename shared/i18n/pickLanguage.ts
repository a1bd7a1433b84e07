import { defaultLanguage, type Language } from './Language.ts'

/**
 * The language for someone not signed in, from an `Accept-Language` header (RFC 9110 §12.5.4): Azerbaijani if
 * the browser prefers it to English, English otherwise.
 */
export function pickLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return defaultLanguage
  let best: { language: Language; quality: number } | null = null
  for (const part of acceptLanguage.split(',')) {
    const [range = '', ...parameters] = part.trim().split(';')
    const primary = range.trim().toLowerCase().split('-')[0]
    const qualityParameter = parameters.map((parameter) => parameter.trim()).find((p) => p.startsWith('q='))
    const quality = qualityParameter ? Number(qualityParameter.slice(2)) : 1
    if (!Number.isFinite(quality) || quality <= 0) continue
    const language = primary === 'az' ? 'az' : primary === 'en' ? 'en' : null
    if (language && (!best || quality > best.quality)) best = { language, quality }
  }
  return best?.language ?? defaultLanguage
}
