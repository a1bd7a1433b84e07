import { describe, expect, it } from 'vitest'
import { createFormatter, hasLocaleData } from './createFormatter.ts'
import { createI18n } from './createI18n.ts'

const azerbaijani = createFormatter(createI18n('az'), 'Asia/Baku')
const english = createFormatter(createI18n('en'), 'Asia/Baku')

describe('createFormatter', () => {
  it('writes Azerbaijani dates with Azerbaijani month names', () => {
    expect(azerbaijani.date('2026-02-08T10:00:00Z')).toBe('8 fevral 2026')
    expect(english.date('2026-02-08T10:00:00Z')).toBe('February 8, 2026')
  })

  it('reads dates and times in the explicit time zone', () => {
    // 21:30 UTC on 7 February is already 8 February, 01:30, in Baku (UTC+4).
    expect(azerbaijani.dateTime('2026-02-07T21:30:00Z')).toBe('8 fevral 2026, 01:30')
    const newYork = createFormatter(createI18n('az'), 'America/New_York')
    expect(newYork.dateTime('2026-02-07T21:30:00Z')).toBe('7 fevral 2026, 16:30')
  })

  it('reads a meeting day as a calendar day in Baku', () => {
    const viewerInHonolulu = createFormatter(createI18n('az'), 'Pacific/Honolulu')
    expect(viewerInHonolulu.calendarDate('2026-02-08')).toBe('8 fevral 2026')
  })

  it('formats numbers and lists in the language', () => {
    expect(azerbaijani.number(1234.5)).toBe('1.234,5')
    expect(english.number(1234.5)).toBe('1,234.5')
    expect(azerbaijani.list(['Əliyev', 'Smith', 'Məmmədova'])).toBe('Əliyev, Smith və Məmmədova')
  })

  it('says how long ago with the plural forms of the language', () => {
    const now = Date.parse('2026-02-08T12:00:00Z')
    expect(azerbaijani.relative('2026-02-08T11:59:50Z', now)).toBe('indicə')
    expect(azerbaijani.relative('2026-02-08T11:55:00Z', now)).toBe('5 dəq. əvvəl')
    expect(english.relative('2026-02-05T12:00:00Z', now)).toBe('3 days ago')
    expect(english.relative('2026-02-07T12:00:00Z', now)).toBe('yesterday')
    expect(azerbaijani.relative('2026-01-01T12:00:00Z', now)).toBe('1 yanvar 2026')
  })

  it('sorts Azerbaijani names with the collator', () => {
    const names = ['Şahin', 'Sara', 'Zaur', 'Çingiz', 'Cavid']
    expect([...names].sort(azerbaijani.collator.compare).slice(0, 2)).toEqual(['Cavid', 'Çingiz'])
  })

  it('falls back to the resources’ month names where the runtime lacks the locale (Debian’s Chromium)', () => {
    const withoutData = createFormatter(createI18n('az'), 'Asia/Baku', false)
    expect(withoutData.date('2026-02-08T10:00:00Z')).toBe('8 fevral 2026')
    expect(withoutData.dateTime('2026-12-02T05:07:00Z')).toBe('2 dekabr 2026, 09:07')
    expect(withoutData.number(1234.5)).toBe('1.234,5')
    expect(withoutData.list(['a', 'b', 'c'])).toBe('a, b və c')
  })

  it('uses Node’s Azerbaijani data when present', () => {
    expect(hasLocaleData('az', 'fevral')).toBe(true)
    expect(hasLocaleData('en', 'February')).toBe(true)
  })
})
