import { getSchema } from '@tiptap/core'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { charterExtensions } from '../../shared/schema/index.ts'
import { placeholderMarksPlugin } from './PlaceholderMarks.ts'

const schema = getSchema(charterExtensions)
const placeholder = '[Placeholder: text to be agreed.]'

function stateWith(...paragraphs: { text: string; italic?: boolean }[]) {
  const doc = schema.node(
    'doc',
    null,
    paragraphs.map(({ text, italic }) =>
      schema.node('paragraph', null, [schema.text(text, italic ? [schema.marks.italic!.create()] : [])]),
    ),
  )
  return EditorState.create({ doc, plugins: [placeholderMarksPlugin()] })
}

/** The state after the caret is put at `position` and `text` typed there, as the editor does. */
function typeAt(state: EditorState, position: number, text: string): EditorState {
  const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, position)))
  return placed.apply(placed.tr.insertText(text))
}

function italicText(state: EditorState): string {
  let found = ''
  state.doc.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === 'italic')) found += node.text
  })
  return found
}

describe('PlaceholderMarks', () => {
  it('types plain text after and before an italic placeholder', () => {
    const state = stateWith({ text: placeholder, italic: true })
    const after = typeAt(state, 1 + placeholder.length, ' Agreed.')
    const before = typeAt(after, 1, 'Also. ')
    expect(before.doc.textContent).toBe(`Also. ${placeholder} Agreed.`)
    expect(italicText(before)).toBe(placeholder)
  })

  it('leaves other italic text, and italic asked for with the button, italic', () => {
    const scope = stateWith({ text: 'Scope: cooperation.', italic: true })
    expect(italicText(typeAt(scope, 1 + 'Scope: cooperation.'.length, ' More'))).toBe(
      'Scope: cooperation. More',
    )
    const state = stateWith({ text: placeholder, italic: true })
    const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1 + placeholder.length)))
    const chosen = placed.apply(placed.tr.addStoredMark(schema.marks.italic!.create()))
    const stressed = chosen.apply(chosen.tr.insertText('!'))
    expect(italicText(stressed)).toBe(`${placeholder}!`)
    // The node is no longer only template wording: what follows the writer's italic stays italic.
    expect(italicText(stressed.apply(stressed.tr.insertText('!')))).toBe(`${placeholder}!!`)
  })
})
