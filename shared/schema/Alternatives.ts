import { mergeAttributes, Node } from '@tiptap/core'
import { dataAttribute } from './dataAttribute.ts'

/**
 * A paragraph-level choice, `[Option 1: …] [Option 2: …]`: the block counterpart of an inline bracket, and a
 * bracket of the register like it (same id space, same cleaning rule).
 */
export const Alternatives = Node.create({
  name: 'alternatives',
  group: 'block',
  content: 'option+',
  defining: true,
  isolating: true,

  addAttributes() {
    return { id: dataAttribute('id', 'data-bracket-id') }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="alternatives"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-type': 'alternatives', class: 'charter-alternatives' }),
      0,
    ]
  },
})

/** One option of a paragraph-level choice, with its proposer. Numbered on render ("Option 2"), never stored. */
export const AlternativeOption = Node.create({
  name: 'option',
  content: '(paragraph | bulletList | orderedList)+',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      id: dataAttribute('id', 'data-alternative-id'),
      proposedBy: dataAttribute('proposedBy', 'data-proposed-by'),
    }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="option"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'option', class: 'charter-option' }), 0]
  },
})
