import { isChangeOrigin } from '@tiptap/extension-collaboration'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'

export const clauseIdPluginKey = new PluginKey('clauseIds')

/**
 * Positions of the articles that need a fresh clause id: those without one, and every later holder of an id
 * already seen. The first article in document order keeps an id, so a paste or a split never steals the
 * identity that cross-references and the bracket register point at.
 */
function articlesNeedingIds(doc: ProseMirrorNode): number[] {
  const seen = new Set<string>()
  const positions: number[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'article') {
      const id = node.attrs.clauseId
      if (typeof id === 'string' && id !== '' && !seen.has(id)) seen.add(id)
      else positions.push(pos)
      return false
    }
    return !node.isTextblock
  })
  return positions
}

function repair(state: EditorState, newId: () => string): Transaction | null {
  const positions = articlesNeedingIds(state.doc)
  if (positions.length === 0) return null
  const tr = state.tr
  // setNodeAttribute keeps positions stable (no size change), so the collected positions stay valid.
  for (const pos of positions) tr.setNodeAttribute(pos, 'clauseId', newId())
  return tr
}

/**
 * Every article carries a unique clause id. A local change (typing, paste, split, a command) is repaired in
 * the same transaction, so the ids travel to the server with the change and undo together with it.
 * A change from another client or from undo arrives inside y-prosemirror's mutex, where an appended change
 * would not reach Yjs; such documents are repaired just after, as a separate change kept out of this user's
 * undo history. Two clients may repair the same duplicate at once: Yjs keeps one of the two new ids, and every
 * client converges on it.
 */
export function clauseIdPlugin(newId: () => string = () => crypto.randomUUID()): Plugin {
  return new Plugin({
    key: clauseIdPluginKey,
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null
      if (transactions.some((tr) => isChangeOrigin(tr))) return null
      const tr = repair(newState, newId)
      return tr?.setMeta('addToHistory', transactions.at(-1)?.getMeta('addToHistory') !== false) ?? null
    },
    view() {
      let pending: ReturnType<typeof setTimeout> | null = null
      let destroyed = false
      return {
        update(view, previous) {
          if (pending !== null || !view.editable || view.state.doc.eq(previous.doc)) return
          if (articlesNeedingIds(view.state.doc).length === 0) return
          pending = setTimeout(() => {
            pending = null
            if (destroyed || !view.editable) return
            const tr = repair(view.state, newId)
            if (tr) view.dispatch(tr.setMeta('addToHistory', false))
          }, 0)
        },
        destroy() {
          destroyed = true
          if (pending !== null) clearTimeout(pending)
        },
      }
    },
  })
}
