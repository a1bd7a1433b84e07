import { mergeAttributes, Node } from '@tiptap/core'

/**
 * One numbered article. Numbers are not stored: they follow document order (a CSS counter in the editor,
 * a running count in exports), so concurrent insertions never produce two "Article 4"s.
 */
export const Article = Node.create({
  name: 'article',
  group: 'block',
  content: '(paragraph | bulletList | orderedList)+',
  defining: true,

  parseHTML() {
    return [{ tag: 'div[data-type="article"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'article', class: 'charter-article' }), 0]
  },
})
