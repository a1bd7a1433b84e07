import { describe, expect, it } from 'vitest'
import type { PersonView } from '../../shared/api/index.ts'
import { mentionQueryAt } from './mentionQueryAt.ts'
import { unknownMentions } from './unknownMentions.ts'

const people: PersonView[] = [
  { id: 1, name: 'Aysel Karimova', login: 'aysel', delegation: 'AZ', role: 'co-chair' },
  { id: 2, name: 'John Miller', login: 'jmiller', delegation: 'US', role: 'drafter' },
]

describe('unknownMentions', () => {
  it('accepts full names and logins in any case, as the server matches them', () => {
    expect(unknownMentions('@Aysel Karimova and @JMILLER, please look.', people)).toEqual([])
  })

  it('names each @word that matches nobody with access, once', () => {
    expect(unknownMentions('@Nobody here, @aysel and @Nobody again; @John Millerr', people)).toEqual([
      '@Nobody',
      '@John',
    ])
  })

  it('leaves sentence punctuation out of the name it reports', () => {
    expect(unknownMentions('Ask @Nobody. Or @no.one?', people)).toEqual(['@Nobody', '@no.one'])
  })

  it('does not read e-mail addresses as mentions', () => {
    expect(unknownMentions('write to someone@example.org', people)).toEqual([])
  })
})

describe('mentionQueryAt', () => {
  it('finds the name being typed after an @ that starts a word', () => {
    expect(mentionQueryAt('Thanks @Ays', 11)).toEqual({ start: 7, query: 'Ays' })
    expect(mentionQueryAt('Thanks @Aysel Kar', 17)).toEqual({ start: 7, query: 'Aysel Kar' })
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' })
  })

  it('ignores e-mail addresses, other lines and long runs of words', () => {
    expect(mentionQueryAt('mail me@home', 12)).toBeNull()
    expect(mentionQueryAt('@Aysel\nnext', 11)).toBeNull()
    expect(mentionQueryAt('@one two three four', 19)).toBeNull()
  })
})
