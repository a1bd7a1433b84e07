import { mergeAttributes, Node } from '@tiptap/core'
import { dataAttribute } from './dataAttribute.ts'

/**
 * One numbered article. Numbers are not stored: they follow document order (a CSS counter in the editor,
 * a running count in exports), so concurrent insertions never produce two "Article 4"s.
 * `clauseId` is the article's identity (a UUID, never reused, kept across moves): cross-references, the
 * bracket register and clause status point at it, never at a number.
 */
export const Article = Node.create({
  name: 'article',
  group: 'block',
  content: '(paragraph | bulletList | orderedList | alternatives)+',
  defining: true,

  addAttributes() {
    return { clauseId: dataAttribute('clauseId', 'data-clause-id') }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="article"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'article', class: 'charter-article' }), 0]
  },
})
