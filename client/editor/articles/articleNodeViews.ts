import { Article, CrossReference } from '../../../shared/schema/index.ts'
import { crossReferencePluginKey, referenceNumber } from './crossReferencePlugin.ts'

/** The MIME type of an article dragged by its handle: the dragged article's clause id. */
export const articleDragType = 'application/x-charter-article'

/**
 * The article as the editor shows it: its text, plus a drag handle in the margin beside "Article N" (the
 * number itself stays a CSS counter, so it is never stored). The handle is outside the editable content and
 * ProseMirror ignores its events; the drop is handled by the article structure's plugin.
 */
export const ArticleWithHandle = Article.extend({
  addNodeView() {
    return ({ node, editor }) => {
      const dom = document.createElement('div')
      dom.className = 'charter-article'
      dom.dataset.type = 'article'
      const handle = document.createElement('span')
      handle.className = 'article-handle'
      handle.contentEditable = 'false'
      handle.draggable = true
      handle.setAttribute('aria-hidden', 'true')
      handle.title = crossReferencePluginKey.getState(editor.state)?.labels.dragHandle ?? ''
      const content = document.createElement('div')
      content.className = 'article-body'
      dom.append(handle, content)
      let clauseId: unknown = null
      const show = (attrs: Record<string, unknown>) => {
        clauseId = attrs.clauseId
        if (typeof clauseId === 'string') dom.dataset.clauseId = clauseId
        else delete dom.dataset.clauseId
      }
      show(node.attrs)
      handle.addEventListener('dragstart', (event) => {
        if (!event.dataTransfer || typeof clauseId !== 'string' || !editor.isEditable) {
          event.preventDefault()
          return
        }
        event.dataTransfer.setData(articleDragType, clauseId)
        event.dataTransfer.effectAllowed = 'move'
        event.dataTransfer.setDragImage(dom, 24, 16)
        editor.view.dom.classList.add('is-dragging-article')
      })
      handle.addEventListener('dragend', () => {
        editor.view.dom.classList.remove('is-dragging-article')
        for (const marked of editor.view.dom.querySelectorAll('.drop-before, .drop-after')) {
          marked.classList.remove('drop-before', 'drop-after')
        }
      })
      return {
        dom,
        contentDOM: content,
        update(updated) {
          if (updated.type !== node.type) return false
          show(updated.attrs)
          return true
        },
        stopEvent: (event) => event.target instanceof Node && handle.contains(event.target),
        // Drop markers are classes on the article's own element; only the text's mutations matter.
        ignoreMutation: (mutation) =>
          mutation.type !== 'selection' &&
          !(mutation.target === content || content.contains(mutation.target)),
      }
    }
  },
})

/** A cross-reference shows "Article N" as real text, N kept current by the cross-reference plugin. */
export const CrossReferenceWithNumber = CrossReference.extend({
  addNodeView() {
    return ({ node, decorations }) => {
      const dom = document.createElement('span')
      dom.className = 'charter-xref'
      dom.dataset.type = 'cross-reference'
      dom.contentEditable = 'false'
      const render = (attrs: Record<string, unknown>, number: number | null) => {
        if (typeof attrs.clauseId === 'string') dom.dataset.clauseId = attrs.clauseId
        dom.textContent = `Article ${number ?? '?'}`
      }
      render(node.attrs, referenceNumber(decorations))
      return {
        dom,
        update(updated, updatedDecorations) {
          if (updated.type !== node.type) return false
          render(updated.attrs, referenceNumber(updatedDecorations))
          return true
        },
        ignoreMutation: () => true,
      }
    }
  },
})
