import type { i18n } from 'i18next'
import { isLanguage, type Language } from './Language.ts'
import type { Resources } from './resources/Resources.ts'

/** Meetings of the working group are held on Baku time, so their dates are read there by both delegations. */
export const meetingTimeZone = 'Asia/Baku'

/** What the formatter needs of a translator: an i18next instance (server, tests) or the client's `Translator`. */
export interface FormatterStrings {
  readonly language: string
  readonly t: i18n['t']
  getResourceBundle(language: Language, namespace: 'common'): Resources['common'] | undefined
}

/** Dates, numbers, lists and names in one language and one explicit time zone. */
export interface Formatter {
  readonly language: Language
  readonly timeZone: string
  /** "8 fevral 2026" / "February 8, 2026" */
  date(value: Date | string): string
  /** "8 fevral 2026, 14:30" */
  dateTime(value: Date | string): string
  /** A calendar day without a time (`2026-02-08`), as stored for meetings. */
  calendarDate(isoDate: string): string
  number(value: number): string
  /** "a, b və c" */
  list(items: readonly string[]): string
  /** "indicə", "5 dəq. əvvəl", "dünən", then a date. */
  relative(value: Date | string, now: number): string
  /** Sorts names the way readers of the language expect. */
  readonly collator: Intl.Collator
}

const intlLocales: Record<Language, string> = { az: 'az', en: 'en-US' }

const probeDate = Date.UTC(2026, 1, 8, 12)

/**
 * Whether this runtime has real date data for the language. Debian's Chromium ships without Azerbaijani and
 * formats `az` dates from the root locale ("2026 M02 8"), so we look for `february`, the resources' own name of
 * that month.
 */
export function hasLocaleData(language: Language, february: string): boolean {
  const formatted = new Intl.DateTimeFormat(intlLocales[language], { month: 'long', timeZone: 'UTC' }).format(
    probeDate,
  )
  return formatted.toLowerCase().includes(february.toLowerCase())
}

interface DateParts {
  year: string
  month: number
  day: string
  time: string
}

function dateParts(time: number, timeZone: string): DateParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(time)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? ''
  return {
    year: part('year'),
    month: Number(part('month')),
    day: part('day'),
    time: `${part('hour')}:${part('minute')}`,
  }
}

function toTime(value: Date | string): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime()
}

/**
 * A formatter for the language of `i18n`, with every date shown in `timeZone`. `native` says whether the
 * runtime's `Intl` has the language's data (detected unless given; tests pass `false` to run the fallback).
 */
export function createFormatter(i18n: FormatterStrings, timeZone: string, native?: boolean): Formatter {
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en'
  const locale = intlLocales[language]
  // The instance's own resources, not the shared module's: the client holds only the active language.
  const common = i18n.getResourceBundle(language, 'common')
  if (!common) throw new Error(`createFormatter: the ${language} strings are not loaded`)
  const calendar = common.calendar
  native ??= hasLocaleData(language, calendar.month2)

  function monthName(month: number): string {
    const key = `month${month}` as keyof typeof calendar
    return calendar[key] ?? String(month)
  }

  function fallbackDate(time: number, zone: string): string {
    const parts = dateParts(time, zone)
    return i18n.t('calendar.date', { day: parts.day, month: monthName(parts.month), year: parts.year })
  }

  function date(value: Date | string, zone = timeZone): string {
    const time = toTime(value)
    if (Number.isNaN(time)) return ''
    if (!native) return fallbackDate(time, zone)
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: zone,
    }).format(time)
  }

  function dateTime(value: Date | string): string {
    const time = toTime(value)
    if (Number.isNaN(time)) return ''
    return i18n.t('calendar.dateTime', { date: date(new Date(time)), time: dateParts(time, timeZone).time })
  }

  return {
    language,
    timeZone,
    date: (value) => date(value),
    dateTime,
    calendarDate(isoDate) {
      // Noon UTC is the same calendar day in every zone from UTC-11 to UTC+11, Baku included.
      const time = Date.parse(`${isoDate}T12:00:00Z`)
      return Number.isNaN(time) ? isoDate : date(new Date(time), meetingTimeZone)
    },
    number(value) {
      if (native) return new Intl.NumberFormat(locale).format(value)
      // Azerbaijani writes 1.234,5: the separators the missing locale data would have given.
      return new Intl.NumberFormat('en-US')
        .formatToParts(value)
        .map((part) => (part.type === 'group' ? '.' : part.type === 'decimal' ? ',' : part.value))
        .join('')
    },
    list(items) {
      if (native) return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
      if (items.length < 2) return items.join('')
      return `${items.slice(0, -1).join(', ')} ${calendar.listAnd} ${items.at(-1)}`
    },
    relative(value, now) {
      const then = toTime(value)
      if (Number.isNaN(then)) return ''
      const seconds = Math.max(0, Math.round((now - then) / 1000))
      if (seconds < 45) return i18n.t('relative.justNow')
      const minutes = Math.round(seconds / 60)
      if (minutes < 60) return i18n.t('relative.minutesAgo', { count: minutes })
      const hours = Math.round(minutes / 60)
      if (hours < 24) return i18n.t('relative.hoursAgo', { count: hours })
      const days = Math.round(hours / 24)
      if (days === 1) return i18n.t('relative.yesterday')
      if (days < 7) return i18n.t('relative.daysAgo', { count: days })
      return date(new Date(then))
    },
    collator: new Intl.Collator(locale),
  }
}
