import { getSchema, type JSONContent } from '@tiptap/core'
import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { charterExtensions } from '../../../shared/schema/index.ts'
import { clauseIdPlugin } from './clauseIdPlugin.ts'

const schema = getSchema(charterExtensions)

function article(clauseId: string | null, words: string): JSONContent {
  return {
    type: 'article',
    attrs: { clauseId },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
  }
}

function stateWith(...articles: JSONContent[]): EditorState {
  let next = 0
  const doc = ProseMirrorNode.fromJSON(schema, {
    type: 'doc',
    content: [
      {
        type: 'charterSection',
        attrs: { area: 'connectivity' },
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'S' }] },
          ...articles,
        ],
      },
    ],
  })
  return EditorState.create({ doc, plugins: [clauseIdPlugin(() => `new-${++next}`)] })
}

function ids(state: EditorState): [string, unknown][] {
  const found: [string, unknown][] = []
  state.doc.descendants((node) => {
    if (node.type.name === 'article') found.push([node.textContent, node.attrs.clauseId])
  })
  return found
}

/** Position just after the section's last child. */
function sectionEnd(state: EditorState): number {
  return state.doc.firstChild!.nodeSize - 1
}

describe('clauseIdPlugin', () => {
  it('gives a pasted copy a fresh id and leaves the original its own', () => {
    const state = stateWith(article('a', 'first'))
    const copy = state.doc.firstChild!.lastChild!
    const next = state.apply(state.tr.insert(sectionEnd(state), copy))
    expect(ids(next)).toEqual([
      ['first', 'a'],
      ['first', 'new-1'],
    ])
  })

  it('lets the first article in document order keep a duplicated id, whatever was typed last', () => {
    const state = stateWith(article('a', 'original'))
    const pasted = schema.nodeFromJSON(article('a', 'pasted above'))
    const heading = state.doc.firstChild!.firstChild!
    const next = state.apply(state.tr.insert(1 + heading.nodeSize, pasted))
    expect(ids(next)).toEqual([
      ['pasted above', 'a'],
      ['original', 'new-1'],
    ])
  })

  it('gives an article without an id one, in the same transaction as the change', () => {
    const state = stateWith(article('a', 'one'))
    const result = state.applyTransaction(
      state.tr.insert(sectionEnd(state), schema.nodeFromJSON(article(null, 'two'))),
    )
    expect(result.transactions).toHaveLength(2)
    expect(ids(result.state)).toEqual([
      ['one', 'a'],
      ['two', 'new-1'],
    ])
  })

  it('keeps a split article’s id on its first half', () => {
    const state = stateWith(article('a', 'first half second half'))
    const textStart = state.doc.firstChild!.firstChild!.nodeSize + 3
    const next = state.apply(state.tr.split(textStart + 'first half '.length, 2))
    expect(ids(next)).toEqual([
      ['first half ', 'a'],
      ['second half', 'new-1'],
    ])
  })

  it('leaves changes from other clients and from undo to the deferred repair', () => {
    const state = stateWith(article('a', 'first'))
    const tr = state.tr.insert(sectionEnd(state), schema.nodeFromJSON(article('a', 'remote copy')))
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true })
    const result = state.applyTransaction(tr)
    expect(result.transactions).toHaveLength(1)
    expect(ids(result.state)).toEqual([
      ['first', 'a'],
      ['remote copy', 'a'],
    ])
  })

  it('does nothing when every article already has its own id', () => {
    const state = stateWith(article('a', 'one'), article('b', 'two'))
    const result = state.applyTransaction(state.tr.insertText('!', 5))
    expect(result.transactions).toHaveLength(1)
  })
})
