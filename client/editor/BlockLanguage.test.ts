import { getSchema } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { charterExtensions } from '../../shared/schema/index.ts'
import { blockLanguagePlugin } from './BlockLanguage.ts'

const schema = getSchema(charterExtensions)
const language = blockLanguagePlugin()
const english = 'The Parties agree.'

function langs(state: EditorState): [number, unknown][] {
  return (language.getState(state)?.find() ?? []).map((decoration) => [decoration.from, decoration.spec.lang])
}

describe('BlockLanguage', () => {
  it('marks a paragraph lang="az" while it holds Azerbaijani, and only that one', () => {
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [schema.text(english)]),
      schema.node('paragraph', null, [schema.text('Second.')]),
    ])
    const state = EditorState.create({ doc, plugins: [language] })
    expect(langs(state)).toEqual([])
    const typed = state.apply(state.tr.insertText(' Tərəflər razılaşırlar.', 1 + english.length))
    expect(langs(typed)).toEqual([[0, 'az']])
    const cleared = typed.apply(typed.tr.delete(1 + english.length, typed.doc.child(0).nodeSize - 1))
    expect(cleared.doc.child(0).textContent).toBe(english)
    expect(langs(cleared)).toEqual([])
  })
})
