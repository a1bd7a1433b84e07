import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { yUndoPluginKey } from '@tiptap/y-tiptap'

const undoStepKey = new PluginKey('undoStep')

/**
 * Makes a transaction an undo step of its own. Yjs's undo manager merges every change within its capture
 * timeout (500 ms) into one step, which suits typing; but a quick "Bracket", "Add alternative" or "Delete
 * bracket" right after typing would then be undone together with the typing, and its undo would take the
 * typing with it. Word and Docs undo such commands one by one.
 */
export function asUndoStep(tr: Transaction): Transaction {
  return tr.setMeta(undoStepKey, true)
}

function endUndoGroup(state: EditorState): void {
  const undo = yUndoPluginKey.getState(state) as { undoManager?: { stopCapturing(): void } } | undefined
  undo?.undoManager?.stopCapturing()
}

/**
 * Closes the undo group before a marked transaction reaches Yjs (filterTransaction runs before any plugin view
 * writes it to Yjs) and again once its dispatch is over, so what follows starts a new step.
 */
export function undoSteps(): Plugin {
  return new Plugin({
    key: undoStepKey,
    filterTransaction(tr, state) {
      if (tr.getMeta(undoStepKey) === true && tr.docChanged) {
        endUndoGroup(state)
        queueMicrotask(() => endUndoGroup(state))
      }
      return true
    },
  })
}
