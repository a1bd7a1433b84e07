import { mergeAttributes, Node } from '@tiptap/core'
import { dataAttribute } from './dataAttribute.ts'

/**
 * "see Article 3": points at a clause id and shows that article's current number wherever it is rendered
 * (editor, exports). A reference to an article that no longer exists renders as broken, never as a stale number.
 */
export const CrossReference = Node.create({
  name: 'crossReference',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return { clauseId: dataAttribute('clauseId', 'data-clause-id') }
  },

  parseHTML() {
    return [{ tag: 'span[data-type="cross-reference"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { 'data-type': 'cross-reference', class: 'charter-xref' }),
    ]
  },

  renderText() {
    return 'Article ?'
  },
})
