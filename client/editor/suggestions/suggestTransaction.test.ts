import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { charterExtensions } from '../../../shared/schema/index.ts'
import { dropForeignSuggestions } from './dropForeignSuggestions.ts'
import type { SuggestionAuthor } from './SuggestionAuthor.ts'
import { suggestTransaction } from './suggestTransaction.ts'

const schema = getSchema(charterExtensions)
const aysel: SuggestionAuthor = { accountId: '1', name: 'Aysel', delegation: 'AZ' }
const mary: SuggestionAuthor = { accountId: '2', name: 'Mary', delegation: 'US' }
const now = new Date('2026-02-08T09:30:00.000Z')

function stateOf(text: string): EditorState {
  const paragraph = schema.nodes.paragraph!.create(null, schema.text(text))
  const doc = schema.nodes.doc!.create(null, paragraph)
  return EditorState.create({ doc, selection: TextSelection.create(doc, 1) })
}

function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text)
  })
  return found
}

/** The paragraph with suggestions spelled out: `{+inserted+}` and `{-deleted-}`, with the author's delegation. */
function markup(doc: ProseMirrorNode): string {
  let out = ''
  doc.descendants((node) => {
    if (!node.isText) return true
    const insertion = node.marks.find((mark) => mark.type.name === 'insertion')
    const deletion = node.marks.find((mark) => mark.type.name === 'deletion')
    if (insertion) out += `{+${node.text}+}${insertion.attrs.delegation}`
    else if (deletion) out += `{-${node.text}-}${deletion.attrs.delegation}`
    else out += node.text
    return false
  })
  return out
}

function suggest(state: EditorState, edit: (tr: Transaction) => void, author = aysel): EditorState {
  const tr = state.tr
  edit(tr)
  const suggested = suggestTransaction(state, tr, author, now)
  if (typeof suggested === 'string') throw new Error(suggested)
  return state.apply(suggested)
}

function idsIn(doc: ProseMirrorNode): Set<string> {
  const ids = new Set<string>()
  doc.descendants((node) => {
    for (const mark of node.marks) if (typeof mark.attrs.id === 'string') ids.add(mark.attrs.id)
    const block = node.attrs.suggestion as { id?: unknown } | null | undefined
    if (typeof block?.id === 'string') ids.add(block.id)
  })
  return ids
}

describe('suggestTransaction (Suggesting mode)', () => {
  it('turns typing into one insertion of the author, stamped with account, name, delegation and time', () => {
    let state = stateOf('The Parties cooperate.')
    const at = positionOf(state.doc, 'cooperate')
    state = suggest(state, (tr) => tr.insertText('s', at))
    state = suggest(state, (tr) => tr.insertText('hall ', state.selection.from))
    expect(markup(state.doc)).toBe('The Parties {+shall +}AZcooperate.')
    const mark = state.doc.nodeAt(at)?.marks[0]
    expect(mark?.attrs).toMatchObject({ by: '1', name: 'Aysel', delegation: 'AZ', at: now.toISOString() })
    expect(idsIn(state.doc).size).toBe(1)
  })

  it('keeps deleted text, marked, and moves the caret over it the way the key went', () => {
    let state = stateOf('The Parties shall cooperate.')
    const start = positionOf(state.doc, 'shall')
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start + 5)))
    state = suggest(state, (tr) => tr.delete(start + 4, start + 5))
    state = suggest(state, (tr) => tr.delete(start + 3, start + 4))
    expect(markup(state.doc)).toBe('The Parties sha{-ll-}AZ cooperate.')
    expect(state.selection.from).toBe(start + 3)
    // Consecutive backspaces extend one suggestion.
    expect(idsIn(state.doc).size).toBe(1)
  })

  it('typing over a selection is one replacement: the deletion and the insertion share an id', () => {
    let state = stateOf('The Parties shall cooperate.')
    const start = positionOf(state.doc, 'shall')
    state = suggest(state, (tr) => tr.insertText('should', start, start + 5))
    expect(markup(state.doc)).toBe('The Parties {-shall-}AZ{+should+}AZ cooperate.')
    expect(idsIn(state.doc).size).toBe(1)
  })

  it("deletes one's own suggestion for real, and refuses to change someone else's", () => {
    let state = stateOf('The Parties cooperate.')
    const at = positionOf(state.doc, 'cooperate')
    state = suggest(state, (tr) => tr.insertText('fully ', at))
    state = suggest(state, (tr) => tr.delete(at, at + 2))
    expect(markup(state.doc)).toBe('The Parties {+lly +}AZcooperate.')
    const tr = state.tr.delete(at, at + 1)
    expect(suggestTransaction(state, tr, mary, now)).toBe('suggestForeign')
    // Typing inside it is Mary's own insertion, beside Aysel's.
    state = suggest(state, (tr) => tr.insertText('X', at + 1), mary)
    expect(markup(state.doc)).toBe('The Parties {+l+}AZ{+X+}US{+ly +}AZcooperate.')
  })

  it('Enter at the end of a paragraph suggests a new paragraph; what is typed in it is the same suggestion', () => {
    let state = stateOf('The Parties cooperate.')
    const end = state.doc.firstChild!.nodeSize - 1
    state = suggest(state, (tr) => tr.split(end))
    const added = state.doc.child(1)
    expect(added.attrs.suggestion).toMatchObject({ kind: 'insertion', by: '1', delegation: 'AZ' })
    expect(state.selection.from).toBe(end + 2)
    state = suggest(state, (tr) => tr.insertText('New.', state.selection.from))
    expect(markup(state.doc)).toBe('The Parties cooperate.{+New.+}AZ')
    expect(idsIn(state.doc).size).toBe(1)
    expect(state.doc.child(1).firstChild?.marks[0]?.attrs.id).toBe(added.attrs.suggestion.id)
  })

  it('refuses structural changes and formatting outside own suggestions', () => {
    const state = stateOf('The Parties cooperate.')
    expect(suggestTransaction(state, state.tr.split(5), aysel, now)).toBe('suggestStructure')
    const bold = state.tr.addMark(1, 4, schema.marks.bold!.create())
    expect(suggestTransaction(state, bold, aysel, now)).toBe('suggestFormatting')
  })

  it("drops someone else's suggestion marks from text typed or pasted in Editing mode", () => {
    let state = stateOf('The Parties cooperate.')
    const at = positionOf(state.doc, 'cooperate')
    state = suggest(state, (tr) => tr.insertText('closely ', at), mary)
    const tr = state.tr.insertText('X', at + 3)
    dropForeignSuggestions(tr, aysel)
    expect(markup(state.apply(tr).doc)).toBe('The Parties {+clo+}USX{+sely +}UScooperate.')
  })
})
