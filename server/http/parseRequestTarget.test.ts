import { describe, expect, it } from 'vitest'
import { HttpError } from './HttpError.ts'
import { parseRequestTarget } from './parseRequestTarget.ts'

function statusOf(target: string | undefined): number {
  try {
    parseRequestTarget(target)
    return 200
  } catch (error) {
    if (error instanceof HttpError) return error.status
    throw error
  }
}

describe('parseRequestTarget', () => {
  it('parses an origin-form target, normalising dot segments', () => {
    expect(parseRequestTarget('/api/health?x=1').pathname).toBe('/api/health')
    expect(parseRequestTarget('/./').pathname).toBe('/')
    expect(parseRequestTarget('/a/../b').pathname).toBe('/b')
    expect(parseRequestTarget('/caf%C3%A9?q=a+b%20c').searchParams.get('q')).toBe('a b c')
  })

  it.each([
    ['//', 400],
    ['//evil.example/x', 400],
    ['/a//b', 400],
    ['/a\\b', 400],
    ['/%', 400],
    ['/%C3%28', 400],
    ['/%E0%A4%A', 400],
    ['/a?q=%', 400],
    ['/a?%FF=1', 400],
    ['/a%00b', 400],
    ['/a%0D%0Ab', 400],
    ['/a#b', 400],
    ['/a b', 400],
    ['/a\u00ffb', 400],
    ['http://x/..', 400],
    ['*', 400],
    ['localhost:80', 400],
    ['', 400],
    [`/${'a'.repeat(9000)}`, 414],
  ])('refuses %j with %i and never throws anything else', (target, status) => {
    expect(statusOf(target)).toBe(status)
  })

  it('refuses a missing target', () => {
    expect(statusOf(undefined)).toBe(400)
  })
})
