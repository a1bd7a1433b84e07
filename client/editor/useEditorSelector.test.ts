import { Schema } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import type { Editor } from '@tiptap/react'
import { yCursorPluginKey, ySyncPluginKey } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SelectionStore, sameValue } from './useEditorSelector.ts'

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
})

/** Just what the store uses of a Tiptap editor: its state and its transaction events. */
function fakeEditor() {
  const listeners = new Set<(event: { transaction: Transaction }) => void>()
  const editor = {
    state: EditorState.create({
      doc: schema.node('doc', null, [schema.node('paragraph', null, [schema.text('a')])]),
    }),
    on: (_event: string, listener: (event: { transaction: Transaction }) => void) => listeners.add(listener),
    off: (_event: string, listener: (event: { transaction: Transaction }) => void) =>
      listeners.delete(listener),
    dispatch(transaction: Transaction) {
      editor.state = editor.state.apply(transaction)
      for (const listener of listeners) listener({ transaction })
    },
    type(text: string, meta?: [typeof ySyncPluginKey | typeof yCursorPluginKey, unknown]) {
      const tr = editor.state.tr.insertText(text, 1)
      if (meta) tr.setMeta(meta[0], meta[1])
      editor.dispatch(tr)
    },
  }
  return editor
}

describe('useEditorSelector’s store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setUp() {
    const editor = fakeEditor()
    const store = new SelectionStore<{ text: string }>()
    const reads = { count: 0 }
    const select = (current: Editor) => {
      reads.count++
      return { text: current.state.doc.textContent }
    }
    store.use(editor as unknown as Editor, select, sameValue, { text: '' })
    const notified = { count: 0 }
    const stop = store.subscribe(editor as unknown as Editor, () => notified.count++)
    return { editor, store, reads, notified, stop }
  }

  it('reads the user’s own edit after the frame, and a caret move or mark toggle at once', () => {
    const { editor, store, notified } = setUp()
    expect(store.read().text).toBe('a')
    editor.type('b')
    editor.type('c')
    expect(notified.count).toBe(0)
    vi.advanceTimersByTime(5)
    expect(notified.count).toBe(1)
    expect(store.read().text).toBe('cba')
    editor.dispatch(editor.state.tr.setStoredMarks([]))
    expect(notified.count).toBe(2)
  })

  it('reads collaborators’ changes once per interval, however many arrive', () => {
    const { editor, store, reads, notified } = setUp()
    store.read()
    const readsBefore = reads.count
    for (let i = 0; i < 20; i++) editor.type('x', [ySyncPluginKey, { isChangeOrigin: true }])
    editor.type('', [yCursorPluginKey, { awarenessUpdated: true }])
    expect(notified.count).toBe(0)
    expect(store.read().text).toBe('a')
    vi.advanceTimersByTime(200)
    expect(notified.count).toBe(1)
    expect(store.read().text).toBe(`${'x'.repeat(20)}a`)
    expect(reads.count).toBe(readsBefore + 1)
  })

  it('treats the user’s undo as their own edit, and their edit brings a waiting remote one forward', () => {
    const { editor, store, notified } = setUp()
    editor.type('u', [ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: true }])
    vi.advanceTimersByTime(5)
    expect(notified.count).toBe(1)
    editor.type('r', [ySyncPluginKey, { isChangeOrigin: true }])
    editor.type('l')
    vi.advanceTimersByTime(5)
    expect(notified.count).toBe(2)
    expect(store.read().text).toBe('lrua')
    vi.advanceTimersByTime(200)
    expect(notified.count).toBe(2)
  })

  it('keeps the same value while the selection is equal, and stops listening when unsubscribed', () => {
    const { editor, store, notified, stop } = setUp()
    const first = store.read()
    editor.dispatch(editor.state.tr.setMeta('nothing', true))
    expect(store.read()).toBe(first)
    stop()
    editor.type('z')
    vi.advanceTimersByTime(200)
    expect(notified.count).toBe(1)
  })
})

describe('sameValue', () => {
  it('compares plain data deeply', () => {
    expect(sameValue({ a: { active: true, enabled: false } }, { a: { active: true, enabled: false } })).toBe(
      true,
    )
    expect(sameValue({ a: { active: true } }, { a: { active: false } })).toBe(false)
    expect(sameValue([1, 2], [1, 2])).toBe(true)
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false)
    expect(sameValue({ a: 1 }, { b: 1 })).toBe(false)
  })
})
