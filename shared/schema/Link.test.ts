import { getSchema } from '@tiptap/core'
import { Link as TiptapLink } from '@tiptap/extension-link'
import StarterKit from '@tiptap/starter-kit'
import { describe, expect, it } from 'vitest'
import { CharterSection } from './CharterSection.ts'
import { charterExtensions } from './charterExtensions.ts'
import { safeLinkTarget } from './safeLinkTarget.ts'

// The schema as it was built through StarterKit and Tiptap's Link before the client dropped them (issue 16):
// documents stored and exported since then must read and render the same.
const previousSchema = getSchema([
  StarterKit.configure({
    undoRedo: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    trailingNode: false,
    link: false,
  }),
  TiptapLink.configure({
    openOnClick: false,
    autolink: false,
    protocols: ['http', 'https', 'mailto'],
    isAllowedUri: (url, context) => safeLinkTarget(url) !== null && context.defaultValidate(url),
  }),
  ...charterExtensions.slice(charterExtensions.indexOf(CharterSection)),
])
const schema = getSchema(charterExtensions)

describe('the Link mark', () => {
  it('keeps the node and mark types of the StarterKit schema, in the same order', () => {
    expect(Object.keys(schema.nodes)).toEqual(Object.keys(previousSchema.nodes))
    expect(Object.keys(schema.marks)).toEqual(Object.keys(previousSchema.marks))
  })

  it('has the attributes, defaults and inclusiveness of Tiptap’s Link', () => {
    const link = schema.marks.link!.spec
    const previous = previousSchema.marks.link!.spec
    expect(
      Object.fromEntries(Object.entries(link.attrs ?? {}).map(([name, spec]) => [name, spec.default])),
    ).toEqual(
      Object.fromEntries(Object.entries(previous.attrs ?? {}).map(([name, spec]) => [name, spec.default])),
    )
    expect([link.inclusive, link.excludes, link.spanning]).toEqual([
      previous.inclusive,
      previous.excludes,
      previous.spanning,
    ])
  })

  it('renders allowed and refused targets as Tiptap’s Link did', () => {
    for (const href of [
      'https://example.org/a?b=1',
      'mailto:someone@example.org',
      'javascript:alert(1)',
      null,
    ]) {
      const attrs = { href, title: 'Annex' }
      expect(schema.marks.link!.spec.toDOM!(schema.marks.link!.create(attrs), true)).toEqual(
        previousSchema.marks.link!.spec.toDOM!(previousSchema.marks.link!.create(attrs), true),
      )
    }
  })
})
