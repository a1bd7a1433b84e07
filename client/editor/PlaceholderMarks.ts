import { Extension } from '@tiptap/core'
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'

/** Template wording is italic and in square brackets ("[Placeholder: …]", "[place]"); see charterTemplate.ts. */
function isPlaceholderText(node: ProseMirrorNode | null | undefined): boolean {
  return (
    !!node?.isText &&
    node.marks.some((mark) => mark.type.name === 'italic') &&
    /^\[[\s\S]*\]$/.test(node.text ?? '')
  )
}

/**
 * The marks text typed over `from…to` would get, without italic, when that touches a placeholder; null when it
 * does not, or when the writer chose marks themselves (stored marks, e.g. after Ctrl+I).
 */
function marksWithoutPlaceholderItalic(state: EditorState, from: number, to: number): readonly Mark[] | null {
  if (state.storedMarks) return null
  const $from = state.doc.resolve(from)
  if (!$from.parent.isTextblock) return null
  const marks = from === to ? $from.marks() : ($from.marksAcross(state.doc.resolve(to)) ?? [])
  if (!marks.some((mark) => mark.type.name === 'italic')) return null
  // Whole text nodes, not the halves around the caret: italic typed onto a placeholder on purpose joins its
  // node, which then is no longer only template wording.
  const inside = $from.textOffset > 0 ? $from.parent.child($from.index()) : null
  const neighbours = inside ? [inside] : [$from.nodeBefore, $from.nodeAfter]
  if (!neighbours.some(isPlaceholderText)) return null
  return marks.filter((mark) => mark.type.name !== 'italic')
}

/**
 * New text typed at, in or over a placeholder is not italic: ProseMirror would otherwise carry the placeholder's
 * mark into whatever is typed next to it, making real text look like template wording. At a caret this is done
 * with stored marks, so the toolbar's Italic button shows what will be typed and pressing it still makes italic
 * text; over a selection (stored marks do not survive there) when the text comes in.
 */
export function placeholderMarksPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('placeholderMarks'),
    appendTransaction(_transactions, _oldState, state) {
      const $cursor = state.selection instanceof TextSelection ? state.selection.$cursor : null
      const marks = $cursor ? marksWithoutPlaceholderItalic(state, $cursor.pos, $cursor.pos) : null
      return marks ? state.tr.setStoredMarks(marks) : null
    },
    props: {
      handleTextInput(view, from, to, text) {
        const marks = from === to ? null : marksWithoutPlaceholderItalic(view.state, from, to)
        if (!marks) return false
        view.dispatch(view.state.tr.setStoredMarks(marks).insertText(text, from, to).scrollIntoView())
        return true
      },
    },
  })
}

export const PlaceholderMarks = Extension.create({
  name: 'placeholderMarks',

  addProseMirrorPlugins() {
    return [placeholderMarksPlugin()]
  },
})
