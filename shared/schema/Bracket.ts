import { mergeAttributes, Node } from '@tiptap/core'
import { dataAttribute } from './dataAttribute.ts'

/**
 * Disputed text inside a paragraph: `[text]` with one alternative, `[shall / should]` with several.
 * A node rather than a mark, because y-tiptap lets marks of one type with different attributes overwrite each
 * other, and because a node cannot be half-deleted: removing a bracket is one replace, which the server can
 * recognise (and refuse unless both delegations agreed).
 */
export const Bracket = Node.create({
  name: 'bracket',
  group: 'inline',
  inline: true,
  content: 'bracketAlternative+',
  // The alternatives are the editable parts; the bracket itself is selected and moved as one piece.
  isolating: true,
  selectable: true,

  addAttributes() {
    return { id: dataAttribute('id', 'data-bracket-id') }
  },

  parseHTML() {
    return [{ tag: 'span[data-type="bracket"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-type': 'bracket', class: 'charter-bracket' }), 0]
  },
})

/** One alternative of a bracket, with the delegation (or the co-chairs jointly) that proposed it. */
export const BracketAlternative = Node.create({
  name: 'bracketAlternative',
  inline: true,
  content: 'text*',
  marks: '_',
  isolating: true,

  addAttributes() {
    return {
      id: dataAttribute('id', 'data-alternative-id'),
      proposedBy: dataAttribute('proposedBy', 'data-proposed-by'),
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-type="bracket-alternative"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { 'data-type': 'bracket-alternative', class: 'charter-alternative' }),
      0,
    ]
  },
})
