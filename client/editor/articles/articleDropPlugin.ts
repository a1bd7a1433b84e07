import { Plugin } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { articleDragType } from './articleNodeViews.ts'
import { findArticle } from './findArticle.ts'
import { moveArticle } from './moveArticle.ts'

interface DropSlot {
  /** Position where the dragged article will start. */
  pos: number
  element: HTMLElement
  side: 'before' | 'after'
}

/** The slot under the pointer: before or after the article the pointer is over, by which half it is in. */
function slotAt(view: EditorView, event: DragEvent): DropSlot | null {
  const found = view.posAtCoords({ left: event.clientX, top: event.clientY })
  if (!found) return null
  const article = findArticle(view.state.doc.resolve(found.pos))
  if (!article) return null
  const element = view.nodeDOM(article.pos)
  if (!(element instanceof HTMLElement)) return null
  const box = element.getBoundingClientRect()
  const side = event.clientY < box.top + box.height / 2 ? 'before' : 'after'
  return { pos: side === 'before' ? article.pos : article.pos + article.node.nodeSize, element, side }
}

function clearMarkers(view: EditorView): void {
  for (const marked of view.dom.querySelectorAll('.drop-before, .drop-after')) {
    marked.classList.remove('drop-before', 'drop-after')
  }
}

function findByClauseId(view: EditorView, clauseId: string): number | null {
  let found: number | null = null
  view.state.doc.descendants((node, pos) => {
    if (found !== null) return false
    if (node.type.name === 'article' && node.attrs.clauseId === clauseId) found = pos
    return found === null && !node.isTextblock
  })
  return found
}

function carriesArticle(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(articleDragType) ?? false
}

/**
 * Drops an article dragged by its handle between two articles (in any section), with a line marking where
 * it will land. Only article drags are handled here; text drags keep ProseMirror's own behaviour.
 */
export function articleDropPlugin(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        dragover(view, event) {
          if (!carriesArticle(event) || !view.editable) return false
          event.preventDefault()
          clearMarkers(view)
          const slot = slotAt(view, event)
          if (slot) slot.element.classList.add(slot.side === 'before' ? 'drop-before' : 'drop-after')
          if (event.dataTransfer) event.dataTransfer.dropEffect = slot ? 'move' : 'none'
          return true
        },
        dragleave(view, event) {
          if (carriesArticle(event) && !view.dom.contains(event.relatedTarget as Node | null))
            clearMarkers(view)
          return false
        },
        drop(view, event) {
          if (!carriesArticle(event)) return false
          event.preventDefault()
          clearMarkers(view)
          view.dom.classList.remove('is-dragging-article')
          const clauseId = event.dataTransfer?.getData(articleDragType)
          const slot = slotAt(view, event)
          const from = clauseId ? findByClauseId(view, clauseId) : null
          if (slot && from !== null && view.editable) moveArticle(view, from, slot.pos)
          return true
        },
      },
    },
  })
}
