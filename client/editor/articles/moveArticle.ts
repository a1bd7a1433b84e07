import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { yUndoPluginKey } from '@tiptap/y-tiptap'

/**
 * Moves the article at `articlePos` so that it starts at `destination` (a position in the current document,
 * outside the article), keeping its node (and so its clause id) intact.
 *
 * Yjs has no move: y-prosemirror turns a reorder inside one transaction into a diff that rewrites sibling
 * articles in place, so a colleague typing in the article below would see their words land in a different
 * article. Two transactions, a delete then an insert, make Yjs delete this article's element and create a new
 * one, and leave every other article's element alone. Undo takes both back as one step: the capture is
 * closed before and after, and both land inside the undo manager's capture window.
 */
export function moveArticle(view: EditorView, articlePos: number, destination: number): boolean {
  const article = view.state.doc.nodeAt(articlePos)
  if (article?.type.name !== 'article') return false
  const end = articlePos + article.nodeSize
  if (destination > articlePos && destination < end) return false
  if (destination === articlePos || destination === end) return false
  const { selection } = view.state
  const caretOffset = selection.from > articlePos && selection.from < end ? selection.from - articlePos : null
  const undoManager = yUndoPluginKey.getState(view.state)?.undoManager
  undoManager?.stopCapturing()

  const removal = view.state.tr.delete(articlePos, end)
  const target = removal.mapping.map(destination)
  view.dispatch(removal)
  const insertion = view.state.tr.insert(target, article)
  const caret = target + (caretOffset ?? 2)
  insertion.setSelection(
    TextSelection.near(insertion.doc.resolve(Math.min(caret, insertion.doc.content.size))),
  )
  view.dispatch(insertion.scrollIntoView())
  undoManager?.stopCapturing()
  return true
}
