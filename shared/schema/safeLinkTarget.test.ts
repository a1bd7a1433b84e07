import { describe, expect, it } from 'vitest'
import { safeLinkTarget } from './safeLinkTarget.ts'

describe('safeLinkTarget', () => {
  it('allows http, https and mailto addresses, normalised', () => {
    expect(safeLinkTarget('https://mfa.gov.az/en')).toBe('https://mfa.gov.az/en')
    expect(safeLinkTarget(' HTTP://state.gov ')).toBe('http://state.gov/')
    expect(safeLinkTarget('mailto:delegation@example.org')).toBe('mailto:delegation@example.org')
  })

  it('refuses script, data, relative and fragment links, however disguised', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      ' \u0000javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '/relative/path',
      '#fragment',
      '//evil.example',
      'ftp://files.example',
      `https://example.org/${'a'.repeat(3000)}`,
      42,
      null,
    ]) {
      expect(safeLinkTarget(hostile), String(hostile)).toBeNull()
    }
  })
})
