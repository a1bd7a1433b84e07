import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Puts the caret at the start of the node at `position` and scrolls the node itself into view, the same way for
 * editors and readers. The selection is dispatched without ProseMirror's own scrolling and focus is taken without
 * scrolling: either would jump to the caret and cut the smooth scroll short (which is why the navigator used to
 * leave editors where they were).
 */
export function revealNode(view: EditorView, position: number, block: ScrollLogicalPosition = 'start'): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(position + 1))))
  view.focus()
  const element = view.nodeDOM(position)
  if (!(element instanceof HTMLElement)) return
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  element.scrollIntoView({ block, behavior: reduceMotion ? 'auto' : 'smooth' })
}
