import { createI18n } from '../../../shared/i18n/createI18n.ts'
import type { Language } from '../../../shared/i18n/Language.ts'
import { isAreaId } from '../../../shared/schema/index.ts'
import type { ExportThread } from './ExportInput.ts'
import { formatExportDate } from './formatExportDate.ts'
import { sanitizeText } from './sanitizeText.ts'

export interface AppendixComment {
  /** "Name (Azerbaijani delegation)". */
  byline: string
  date: string
  /** Null for a deleted comment: its words must not reappear on paper. */
  text: string | null
}

export interface AppendixThread {
  number: number
  areaTitle: string
  status: string
  /** "Thread 1 — Regional connectivity — Open", in the export's language. */
  heading: string
  quote: string | null
  comments: AppendixComment[]
}

/** Normalises comment threads for the optional appendix, the same way for every format, in one language. */
export function appendixThreads(
  threads: readonly ExportThread[] | undefined,
  language: Language = 'en',
): AppendixThread[] {
  const { t } = createI18n(language)
  return (threads ?? []).map((thread, index) => {
    const areaTitle = isAreaId(thread.area)
      ? t(`common:area.${thread.area}`)
      : sanitizeText(thread.area) || t('export:otherArea')
    const status = thread.resolved ? t('export:statusResolved') : t('export:statusOpen')
    return {
      number: index + 1,
      areaTitle,
      status,
      heading: t('export:threadHeading', { number: index + 1, area: areaTitle, status }),
      quote: thread.quote ? sanitizeText(thread.quote).trim() || null : null,
      comments: (thread.comments ?? []).map((comment) => {
        const author = sanitizeText(comment.author).trim() || t('export:unknownAuthor')
        const delegation = comment.delegation ? t(`export:delegation${comment.delegation}`) : null
        return {
          byline: delegation ? t('export:byline', { author, delegation }) : author,
          date: formatExportDate(comment.createdAt, language),
          text: comment.deleted ? null : sanitizeText(comment.text),
        }
      }),
    }
  })
}
