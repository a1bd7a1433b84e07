import { describe, expect, it } from 'vitest'
import { chooseEncoding } from './chooseEncoding.ts'

describe('chooseEncoding', () => {
  const both = ['br', 'gzip'] as const

  it('prefers brotli when the client takes both', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br')
  })

  it('falls back to gzip, then to identity', () => {
    expect(chooseEncoding('gzip, deflate', both)).toBe('gzip')
    expect(chooseEncoding(undefined, both)).toBeUndefined()
    expect(chooseEncoding('identity', both)).toBeUndefined()
    expect(chooseEncoding('br', ['gzip'])).toBeUndefined()
  })

  it('honours q-values, q=0 refusing a coding', () => {
    expect(chooseEncoding('br;q=0, gzip', both)).toBe('gzip')
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip')
    expect(chooseEncoding('*;q=0', both)).toBeUndefined()
    expect(chooseEncoding('*', both)).toBe('br')
    expect(chooseEncoding('BR', both)).toBe('br')
  })
})
